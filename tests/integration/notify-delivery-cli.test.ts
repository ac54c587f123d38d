import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqorAsync } from '../helpers/cli';

beforeAll(assertBuilt);

describe('levqor notify: the outbox\u2019s delivery', () => {
  it('pauses alerts, says until when, resumes; filters the outbox by --status; refuses bad input naming the flag', async () => {
    const dir = tempDir();
    const run = (...args: string[]) => levqorAsync(['--data-dir', dir, ...args]);
    const paused = await run('notify', 'pause', '--minutes', '90', '--json');
    expect(paused.code, paused.stderr).toBe(0);
    const { pausedUntil } = JSON.parse(paused.stdout) as { pausedUntil: number };
    expect(pausedUntil).toBeGreaterThan(Date.now() + 89 * 60_000);
    expect((await run('notify', 'status')).stdout).toContain(`paused until ${new Date(pausedUntil).toISOString()}`);
    expect(JSON.parse((await run('notify', 'resume', '--json')).stdout)).toEqual({ pausedUntil: null });

    const failed = await run('notify', 'outbox', '--status', 'failed', '--json');
    expect(failed.code, failed.stderr).toBe(0);
    expect(JSON.parse(failed.stdout)).toEqual({ rows: [] });
    expect((await run('notify', 'outbox', '--state', 'sent', '--json')).code).toBe(0);

    const badStatus = await run('notify', 'outbox', '--status', 'lost');
    expect(badStatus.code).not.toBe(0);
    expect(badStatus.stderr).toContain('--status');
    const badMinutes = await run('notify', 'pause', '--minutes', '0');
    expect(badMinutes.code).not.toBe(0);
    expect(badMinutes.stderr).toContain('--minutes: must be a whole number from 1 to 10080');
    const noRow = await run('notify', 'history', 'nope');
    expect(noRow.code).not.toBe(0);
    expect(noRow.stderr).toContain('no outbox row has id "nope"');
  });
});
