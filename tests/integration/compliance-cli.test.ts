import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor } from '../helpers/cli';
import { readZip } from '../helpers/read-zip';

beforeAll(assertBuilt);

describe('levqor compliance', () => {
  it('exports to a ZIP, files an erase for the approval inbox, lists the requests, refuses bad input naming it', () => {
    const dir = tempDir();
    const run = (...args: string[]) => levqor(['--data-dir', dir, ...args], { env: { LEVQOR_DATABASE_URL: '' } });
    const out = join(tempDir(), 'nobody.zip');

    const exported = run('compliance', 'export', 'nobody@example.com', '--out', out);
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining(`Exported to ${out}`) });
    expect(exported.stdout).toContain('No record about nobody@example.com was found in any source that could be read.');
    expect(readZip(out).map((e) => e.name).sort()).toEqual(['local.json', 'remote.json', 'stripe.json', 'summary.txt']);

    expect(run('compliance', 'erase', 'ada@example.com', '--law', 'ccpa')).toMatchObject({ code: 0, stdout: expect.stringContaining('it waits for your approval (Class C) in the Approvals inbox') });
    const listed = JSON.parse(run('compliance', 'requests', '--json').stdout) as { requests: Array<{ kind: string; status: string; law: string }> };
    expect(listed.requests.map((r) => [r.kind, r.status, r.law])).toEqual([
      ['erase', 'waiting', 'ccpa'],
      ['export', 'answered', 'gdpr'],
    ]);
    expect(run('approvals', 'list', '--json').stdout).toContain('compliance.erase');

    expect(run('compliance', 'export', 'someone@example.com')).toMatchObject({ code: 2, stderr: expect.stringContaining('--out: is required') });
    expect(run('compliance', 'erase', 'nope', '--law', 'ccpa')).toMatchObject({ code: 2, stderr: expect.stringContaining('email: must be an email address') });
    expect(run('compliance', 'erase', 'a@example.com', '--law', 'hipaa')).toMatchObject({ code: 2, stderr: expect.stringContaining('--law: must be one of gdpr, ccpa') });
    expect(JSON.parse(run('compliance', 'requests', '--json').stdout).requests).toHaveLength(2);
    expect(existsSync(join(dir, 'compliance', 'erasures.jsonl'))).toBe(false);
  });
});
