import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqorAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { startFakeStripe, type FakeStripe } from '../helpers/stripe';
import { testKey } from '../helpers/stripe/core';
import { putThreeCustomers, threeCustomersNow } from '../helpers/stripe/three-customers';

beforeAll(assertBuilt);

let stripe: FakeStripe;
beforeAll(async () => {
  stripe = await startFakeStripe({ now: threeCustomersNow });
  putThreeCustomers(stripe);
});
afterAll(() => stripe.close());

describe('levqor revenue metrics, movements and customers', () => {
  it('read the synced Stripe tables, as text and as JSON, and refuse a bad month naming it', async () => {
    const data = join(tempDir('levqor-revenue-cli-'), 'data');
    const env = { LEVQOR_SECRET_KEY: 'c'.repeat(64), STRIPE_SECRET_KEY: testKey, LEVQOR_STRIPE_API_BASE: stripe.url };
    // levqorAsync: the local Stripe answers from this process
    const run = (...args: string[]) => levqorAsync(['--data-dir', data, ...args], env);
    expect(await run('revenue', 'sync')).toMatchObject({ code: 0 });
    expect(await run('settings', 'set', 'revenue.rates', '{"eur": 1.2}')).toMatchObject({ code: 0 });

    const october = await run('revenue', 'metrics', '--month', '2026-10', '--json');
    expect(october.code, october.stderr).toBe(0);
    expect(JSON.parse(october.stdout)).toMatchObject({ month: '2026-10', currency: 'usd', kpis: { mrr: { value: 13800, previous: 3800 }, customers: { value: 2 } } });

    const november = await run('revenue', 'metrics', '--month', '2026-11');
    expect(november.stdout).toMatch(/MRR\s+\$198\.00\s+\(\+\$60\.00 vs last month\)/);
    expect(november.stdout).toMatch(/ARR\s+\$2,376\.00/);

    const movements = await run('revenue', 'movements', '--from', '2026-09', '--to', '2026-11');
    expect(movements.stdout.split('\n').filter((l) => /^2026-1[01]/.test(l)).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([['2026-10', '$100.00'], ['2026-11', '$60.00']]);

    const customers = await run('revenue', 'customers', '--query', 'bo@');
    expect(customers.stdout).toContain('cus_b');
    expect(customers.stdout).toContain('$100.00');
    expect(customers.stdout).not.toContain('cus_a');

    const bad = await run('revenue', 'metrics', '--month', '2026-13');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('month: must be a month written YYYY-MM');
  });
});
