import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqor, levqorAsync } from '../helpers/cli';
import { goodToken, startFakeDrive, type FakeDrive } from '../helpers/drive-server';
import { tempDir } from '../helpers/temp-dir';

beforeAll(assertBuilt);

const servers: FakeDrive[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('levqor approvals for uploads and healing actions', () => {
  it('a pre-launch compile names its approval; approvals list shows it; approving it uploads to Drive', async () => {
    const drive = await startFakeDrive();
    servers.push(drive);
    const dataDir = tempDir();
    const productsDir = join(tempDir('levqor-site-'), 'products');
    const env = { LEVQOR_DRIVE_ROOT_URL: drive.url, LEVQOR_DRIVE_CREDENTIALS: JSON.stringify({ access_token: goodToken }) };
    const globals = ['--data-dir', dataDir, '--products-dir', productsDir];
    const run = (args: string[]) => levqor([...globals, ...args], { env });
    expect(run(['product', 'new', '--slug', 'gated', '--name', 'Gated', '--price', '9', '--description', 'd', '--tags', 'a']).code).toBe(0);
    writeFileSync(join(productsDir, 'gated', 'guide.md'), '# Guide\n');

    const compiled = run(['product', 'compile', 'gated', '--json']);
    expect(compiled.code).toBe(0);
    const { approvalId, uploaded } = JSON.parse(compiled.stdout) as { approvalId: string; uploaded: boolean };
    expect(uploaded).toBe(false);
    expect(approvalId).toEqual(expect.any(String));
    expect(run(['product', 'compile', 'gated']).stdout).toContain(`waits for approval ${approvalId}`);

    const listed = JSON.parse(run(['approvals', 'list', '--kind', 'product.upload', '--json']).stdout) as { approvals: Array<Record<string, unknown>> };
    expect(listed.approvals).toEqual([expect.objectContaining({ id: approvalId, status: 'pending', subject: expect.objectContaining({ kind: 'product.upload', title: 'Upload gated-1.0.0.zip to Google Drive' }) })]);
    expect(run(['approvals', 'list']).stdout).toContain('[product.upload] Upload gated-1.0.0.zip to Google Drive');
    expect(run(['approvals', 'list', '--kind', 'parcel']).stderr).toContain('--kind: must be one of step, product.upload, guardian.healing');

    const approved = await levqorAsync([...globals, 'approvals', 'approve', approvalId, '--reason', 'go'], env);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`approval ${approvalId}: approved → uploaded to Drive`);
    expect(drive.files.size).toBe(1);
    const uploads = JSON.parse(run(['product', 'uploads', '--json']).stdout) as { uploads: Array<Record<string, unknown>> };
    expect(uploads.uploads[0]).toMatchObject({ status: 'done', approvalId });
  });

  it('guardian request-healing: refused steps say why; an applicable one becomes an approval', () => {
    const dataDir = tempDir();
    const run = (...args: string[]) => levqor(['--data-dir', dataDir, ...args]);
    // a DOWN monitor: nothing listens on port 9 of localhost
    expect(run('monitor', 'add', '--type', 'http', '--url', 'http://127.0.0.1:9/', '--name', 'api').code).toBe(0);
    run('guardian', 'check');
    const plan = JSON.parse(run('guardian', 'healing-plan', '--json').stdout) as { steps: Array<{ id: string; action: string; applicable: boolean }> };
    const recheck = plan.steps.find((s) => s.action === 'recheck_monitor')!;
    expect(recheck.applicable).toBe(true);
    expect(run('guardian', 'healing-plan').stdout).toContain(`apply: levqor guardian request-healing ${recheck.id}`);

    const requested = run('guardian', 'request-healing', recheck.id, '--json');
    expect(requested.code).toBe(0);
    expect(JSON.parse(requested.stdout)).toMatchObject({ status: 'pending', subject: { kind: 'guardian.healing', ref: recheck.id } });
    expect(run('guardian', 'request-healing', recheck.id).stdout).toContain('levqor approvals approve');

    const unknown = run('guardian', 'request-healing', 'run_backup_now:backup');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('stepId: no step "run_backup_now:backup" in the current healing plan');
  });
});
