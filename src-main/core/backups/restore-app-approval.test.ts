import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, CoreHolder, type Core } from '..';

// Restoring the app's data through its Class C approval: a real core held by the real CoreHolder
// (what the CLI, levqor serve and the desktop app use), real restic, a real restart.

const root = mkdtempSync(join(tmpdir(), 'levqor-restore-approval-'));
const dataDir = join(root, 'data');
const repo = join(root, 'repo');
const env = { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'f'.repeat(64), LEVQOR_PRODUCTS_DIR: join(root, 'products') };
const holder = new CoreHolder((restart) => createCore({ dataDir, env, logToFile: false, coreRestart: restart }));
const core = (): Core => holder.core;
let backgroundProcess: ChildProcess | undefined;

beforeAll(async () => {
  await core().backups.add({ name: 'levqor', repo, password: 'pw-restore-approval', sources: [{ kind: 'app' }], excludes: [], retention: { keepLast: 1 } });
});
afterAll(() => {
  backgroundProcess?.kill('SIGKILL');
  holder.close();
  rmSync(root, { recursive: true, force: true });
});

function saveFlow(name: string): void {
  core().workflows.save(undefined, { name, trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '{"ok": true}' } }], edges: [] });
}
const flowNames = () => core().workflows.list().map((w) => w.name).sort();

describe('restoring the app\u2019s data through its approval (backup.restoreApp)', () => {
  let snapshot = '';

  it('asks first: a pending Class C request with the snapshot, and nothing changes; a rejection changes nothing and is audited', async () => {
    saveFlow('Before');
    const backup = await core().backups.run('levqor', true);
    snapshot = backup.snapshotId!;
    saveFlow('After');
    const asked = await core().backups.requestAppRestore('levqor', snapshot.slice(0, 8));
    expect(asked).toMatchObject({ status: 'pending', class: 'C', subject: { kind: 'backup.restoreApp' } });
    expect(asked.subject.ref).toMatch(new RegExp(`^${core().backups.plan('levqor').id}/${snapshot}[0-9a-f]{56}$`));
    expect(asked.preview).toMatchObject({ plan: 'levqor', snapshot: { shortId: snapshot, bytes: backup.bytes }, schema: { from: null } });
    // the same request again is the same approval
    expect((await core().backups.requestAppRestore('levqor', snapshot)).id).toBe(asked.id);
    core().approvals.reject(asked.id, { reason: 'not now' });
    await core().approvals.settled();
    expect(core().approvals.get(asked.id).outcome).toMatchObject({ ok: true, result: 'none', message: 'nothing restored: approval rejected; the live data is unchanged' });
    expect(core().approvals.auditFor('backup.restoreApp', asked.subject.ref)).toMatchObject([{ mode: 'blocked', decision: 'rejected', approvalId: asked.id }]);
    expect(flowNames()).toEqual(['After', 'Before']);
    expect(core().backups.history('levqor', 10).filter((o) => o.kind === 'restore')).toEqual([]);
  });

  it('approved: the live data is kept as a levqor-pre-restore snapshot, the core restarts on the snapshot\u2019s data, and the approval and both operations are in the history after', async () => {
    const before = core();
    const asked = await before.backups.requestAppRestore('levqor', snapshot);
    before.approvals.approve(asked.id, { by: 'test' });
    await before.approvals.settled();
    expect(core()).not.toBe(before); // a new core, on the restored file
    expect(flowNames()).toEqual(['Before']);
    const approval = core().approvals.get(asked.id);
    expect(approval.status).toBe('approved');
    expect(approval.outcome).toMatchObject({ ok: true, result: 'good' });
    expect(approval.outcome!.message).toMatch(new RegExp(`^restored snapshot ${snapshot.slice(0, 8)} of levqor \\(schema \\d+ \u2192 \\d+\\); the data that was live is kept as snapshot [0-9a-f]{8} \\(tag levqor-pre-restore\\)`));
    expect(core().approvals.auditFor('backup.restoreApp', asked.subject.ref).map((r) => r.mode)).toEqual(['real']);
    // the pre-restore backup started after the restore's row, so it is listed first
    const [preRestore, restore] = core().backups.history('levqor', 10);
    expect(restore).toMatchObject({ kind: 'restore', status: 'succeeded', snapshotId: snapshot });
    expect(preRestore).toMatchObject({ kind: 'backup', status: 'succeeded' });
    // the history is kept whole: the backup that made the snapshot (running in the snapshot's own copy) reads as it ended
    expect(core().backups.history('levqor', 20).find((o) => o.kind === 'backup' && o.snapshotId === snapshot)).toMatchObject({ status: 'succeeded' });
    expect(core().backups.history('levqor', 20).filter((o) => o.status !== 'succeeded')).toEqual([]);
    const kept = (await core().backups.snapshots('levqor')).find((s) => s.shortId === preRestore!.snapshotId);
    expect(kept?.tags).toContain('levqor-pre-restore');
    expect(core().backups.operation(restore!.id).log).toContain(`the live data kept as snapshot ${preRestore!.snapshotId}`);
  });

  it('a failure before the swap: the outcome says why and that the live data is unchanged, and the core goes on', async () => {
    saveFlow('Later');
    const backup = await core().backups.run('levqor', true);
    const asked = await core().backups.requestAppRestore('levqor', backup.snapshotId!);
    execFileSync('restic', ['forget', backup.snapshotId!], { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: 'pw-restore-approval', RESTIC_CACHE_DIR: join(root, 'cache') } });
    const before = core();
    before.approvals.approve(asked.id);
    await before.approvals.settled();
    expect(core()).toBe(before);
    expect(core().approvals.get(asked.id).outcome).toMatchObject({ ok: false, result: 'bad' });
    expect(core().approvals.get(asked.id).outcome!.message).toMatch(new RegExp(`^not restored: snapshot: the plan levqor has no snapshot ${backup.snapshotId}[0-9a-f]*; the live data is unchanged$`));
    expect(flowNames()).toEqual(['Before', 'Later']);
  });

  it('a restore cannot be approved while another live process holds the data: it says where to approve it, and the request stays pending', async () => {
    const asked = await core().backups.requestAppRestore('levqor', snapshot);
    backgroundProcess = spawn('sleep', ['60'], { stdio: 'ignore' });
    writeFileSync(join(dataDir, 'holder.json'), JSON.stringify({ what: 'levqor serve', pid: backgroundProcess.pid, owner: `${hostname()}/${backgroundProcess.pid}/abc` }));
    expect(() => core().approvals.approve(asked.id)).toThrow(`id: the app\u2019s data is open in levqor serve (pid ${backgroundProcess.pid}): approve this restore in the running app`);
    expect(core().approvals.get(asked.id).status).toBe('pending');
    // once that process is gone, its claim no longer counts
    backgroundProcess.kill('SIGKILL');
    await new Promise((done) => backgroundProcess!.once('exit', done));
    core().approvals.reject(asked.id);
    await core().approvals.settled();
    expect(core().approvals.get(asked.id).status).toBe('rejected');
  });

  it('refuses a plan without the app source and a snapshot the plan does not have, naming the field', async () => {
    await core().backups.add({ name: 'files', repo, password: 'pw-restore-approval', sources: [{ kind: 'folder', path: root }], excludes: [], retention: {} });
    await expect(core().backups.requestAppRestore('files', snapshot)).rejects.toThrow('plan: the plan files does not back up the app\u2019s data');
    await expect(core().backups.requestAppRestore('levqor', 'deadbeef')).rejects.toThrow('snapshot: the plan levqor has no snapshot deadbeef');
    expect(core().approvals.list({ kind: 'backup.restoreApp', status: 'pending', limit: 10 })).toEqual([]);
  });
});
