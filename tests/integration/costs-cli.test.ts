import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor } from '../helpers/cli';
import { levqorInProcess } from '../helpers/cli-in-process';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

describe('levqor costs and levqor budgets', () => {
  it('add, list, report (text and JSON), set budgets, remove; bad input refused naming the field and nothing saved', async () => {
    const data = join(tempDir('levqor-costs-cli-'), 'data');
    const env = { LEVQOR_SECRET_KEY: 'c'.repeat(64) };
    // the commands run in this process as the binary runs them (the machine is shared); the built binary once at the end
    const run = (...args: string[]) => levqorInProcess(data, env, args);
    const month = new Date().toISOString().slice(0, 7);

    const vps = await run('--json', 'costs', 'add', '--name', 'VPS', '--category', 'hosting', '--amount', '30', '--cycle', 'monthly', '--start', `${month}-01`);
    expect(vps.code, vps.stderr).toBe(0);
    const { id } = JSON.parse(vps.stdout) as { id: string };
    expect(await run('costs', 'add', '--name', 'levqor.com', '--category', 'domains', '--amount', '120.00', '--cycle', 'yearly', '--start', '2020-01-01')).toMatchObject({ code: 0, stdout: expect.stringContaining('$120.00 yearly') });

    const badCategory = await run('costs', 'add', '--name', 'Lunch', '--category', 'food', '--amount', '12');
    expect(badCategory.code).not.toBe(0);
    expect(badCategory.stderr).toContain('category: must be one of hosting, domains, tools, other');
    expect(await run('costs', 'add', '--name', 'X', '--category', 'tools', '--amount', '1.234')).toMatchObject({ code: 2, stderr: expect.stringContaining('--amount: has more decimals than USD has (2)') });
    expect((await run('costs', 'add', '--name', 'X', '--category', 'tools', '--amount', '5', '--cycle', 'weekly')).stderr).toContain('cycle: must be one of monthly, yearly, one-off');
    expect((await run('costs', 'add', '--name', 'X', '--category', 'tools', '--amount', '5', '--start', '2026-13-01')).stderr).toContain('startDate: must be a date written YYYY-MM-DD');
    expect((await run('costs', 'list')).stdout.split('\n').filter(Boolean)).toHaveLength(2);

    expect(await run('budgets', 'set', 'hosting', '50')).toMatchObject({ code: 0, stdout: expect.stringMatching(/Hosting\s+\$30\.00\s+of \$50\.00 \(60%\)/) });
    expect((await run('budgets', 'set', 'travel', '50')).stderr).toContain('category: must be one of ai, stripe-fees, hosting, domains, tools, other');
    expect(await run('budgets', 'set', 'hosting', '--', '-5')).toMatchObject({ code: 2, stderr: expect.stringContaining('AMOUNT: a budget must not be below zero') });

    expect((await run('costs')).stdout).toMatch(/Total\s+\$40\.00/);
    expect((await run('costs', '--month', '2026-13')).stderr).toContain('month: must be a month written YYYY-MM');

    const report = levqor(['--data-dir', data, '--json', 'costs', '--month', month, '--months', '2'], { env });
    expect(report.code, report.stderr).toBe(0);
    const r = JSON.parse(report.stdout);
    // $30 for the whole month + $120 a year as a twelfth; no Stripe, no AI
    expect(r).toMatchObject({ currency: 'usd', month, costsMinor: 4000, revenueMinor: 0, marginMinor: -4000 });
    expect(r.categories.find((c: { category: string }) => c.category === 'hosting')).toEqual({ category: 'hosting', budgetMinor: 5000, spentMinor: 3000, usedRatio: 0.6 });
    expect(r.months).toHaveLength(2);

    expect(await run('costs', 'remove', id)).toMatchObject({ code: 0, stdout: `Removed ${id}.\n` });
    expect((await run('costs', 'remove', id)).stderr).toContain('no recurring cost has the id');
    expect((await run('budgets', 'list')).stdout).toMatch(/Hosting\s+\$0\.00\s+of \$50\.00 \(0%\)/);
  });
});
