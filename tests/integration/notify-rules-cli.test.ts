import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor } from '../helpers/cli';
import { defaultRules } from '../../src-main/core/notify/rules';

beforeAll(assertBuilt);

describe('levqor notify rules', () => {
  it('lists the rules, changes one (severity, on/off, filter), refuses bad input naming the option and changing nothing, and resets it', () => {
    const dir = tempDir();
    const run = (...args: string[]) => levqor(['--data-dir', dir, ...args], { env: { LEVQOR_DATABASE_URL: '' } });

    expect(run('notify', 'rules', 'list')).toMatchObject({ code: 0, stdout: expect.stringMatching(/on\s+critical\s+os\s+Monitor down \(guardian\.alert\)\n/) });

    const set = run('notify', 'rules', 'set', 'monitor.down', '--severity', 'warning', '--enabled', 'false', '--filter', 'monitor=shop', '--filter', 'message~timeout');
    expect(set).toMatchObject({ code: 0, stdout: expect.stringContaining('monitor.down: Monitor down, off') });
    expect(set.stdout).toContain('filter:   monitor=shop, message~timeout (fields: monitor, message)');

    const before = run('notify', 'rules', 'list', '--json').stdout;
    const rules = JSON.parse(before).rules as Array<{ id: string }>;
    // every rule of the code's table, whichever capability added it
    expect(rules.map((r) => r.id)).toEqual(defaultRules.map((r) => r.id));
    expect(rules.find((r) => r.id === 'monitor.down')).toMatchObject({ enabled: false, severity: 'warning', channels: ['os'], filter: { monitor: 'shop', message: { contains: 'timeout' } }, changed: true });

    expect(run('notify', 'rules', 'set', 'monitor.down', '--channels', 'os,pager')).toMatchObject({ code: 2, stderr: expect.stringContaining('channels: there is no channel "pager"; the channels are os') });
    expect(run('notify', 'rules', 'set', 'monitor.down', '--filter', 'shop')).toMatchObject({ code: 2, stderr: expect.stringContaining('--filter: must be FIELD=TEXT') });
    expect(run('notify', 'rules', 'set', 'monitor.down', '--filter', 'status=down')).toMatchObject({ code: 2, stderr: expect.stringContaining('filter.status: the rule monitor.down has no field "status"') });
    expect(run('notify', 'rules', 'list', '--json').stdout).toBe(before);

    expect(run('notify', 'rules', 'reset', 'monitor.down')).toMatchObject({ code: 0, stdout: expect.stringContaining('as by default') });
  });
});
