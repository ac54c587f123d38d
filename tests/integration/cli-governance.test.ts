import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor } from '../helpers/cli';

beforeAll(assertBuilt);

/** A test-mode Stripe key blocks the preflight without any network call, so this runs offline. */
const env = { STRIPE_SECRET_KEY: 'sk_test_levqor' };

describe('levqor preflight, stage override, hardening and audit', () => {
  it('preflight blocks and exits 1; stage set post-launch is refused; an override approved from the CLI switches; the audit log lists and exports it', () => {
    const dataDir = tempDir();
    const run = (...args: string[]) => levqor(['--data-dir', dataDir, ...args], { env });

    const preflight = run('preflight');
    expect(preflight.code).toBe(1);
    expect(preflight.stdout).toMatch(/BLOCK\s+Stripe live key: Stripe is in test mode.*\(fix: #\/settings\)/);
    expect(preflight.stdout).toMatch(/WARN\s+The data map covers every table: The \d+ tables of this machine are mapped; the shared Postgres could not be read/);
    expect(preflight.stdout).toContain('Going post-launch is blocked');
    expect(JSON.parse(run('preflight', '--json').stdout)).toMatchObject({ blocked: true, checks: expect.arrayContaining([expect.objectContaining({ id: 'stripe.liveKey', status: 'block' })]) });

    const refused = run('stage', 'set', 'post-launch');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('post-launch is refused while the preflight blocks: Stripe live key');
    expect(run('stage', 'get').stdout.trim()).toBe('pre-launch');

    const short = run('stage', 'override', 'post-launch', '--reason', 'why');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('reason: must say why in at least 10 characters');
    const asked = run('stage', 'override', 'post-launch', '--reason', 'Private beta on test payments');
    expect(asked.code).toBe(0);
    const id = /approval (\S+),/.exec(asked.stdout)?.[1];
    expect(id).toBeDefined();
    expect(run('stage', 'get').stdout.trim()).toBe('pre-launch');
    expect(run('approvals', 'approve', id!, '--reason', 'beta only').code).toBe(0);
    expect(run('stage', 'get').stdout.trim()).toBe('post-launch');

    const list = run('audit', 'list', '--kind', 'stage.switch');
    expect(list.code).toBe(0);
    // approved from the CLI: the decision, and so the switch, is the CLI's
    expect(list.stdout).toMatch(/done\s+cli — stage\.switch › post-launch \(pre-launch\)/);
    expect(list.stdout).toMatch(/blocked\s+founder — stage\.switch/);
    const out = join(dataDir, 'audit.csv');
    expect(run('audit', 'export', 'csv', '--out', out, '--text', 'private beta').code).toBe(0);
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toBe('at,who,what,kind,stage,subject,outcome,detail');
    expect(csv.filter((l) => l.length > 0)).toHaveLength(3);
    const bad = run('audit', 'list', '--from', 'last tuesday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: must be a date');

    const hardening = JSON.parse(run('hardening', '--json').stdout) as { items: Array<{ id: string; status: string }> };
    expect(hardening.items.find((i) => i.id === 'secrets.encrypted')?.status).toBe('pass');
    expect(hardening.items.find((i) => i.id === 'electron.sandbox')?.status).toBe('unknown');
  });
});
