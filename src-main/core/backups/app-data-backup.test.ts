import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import type { Approval } from '../../../shared/contract/approvals';

// "Back up first" of an upgrade: the upgrade plan names the app-data plan, and installing an
// update runs it (and waits for its snapshot) before the download.

const root = mkdtempSync(join(tmpdir(), 'levqor-backup-first-'));
const repo = join(root, 'repo');
const password = 'pw-7d31c0a9e2';
let core: Core;
const calls: string[] = [];

beforeAll(() => {
  core = createCore({ dataDir: join(root, 'data'), env: { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'e'.repeat(64) }, logToFile: false });
  // the desktop app's updater (electron-updater) behind its port
  core.updates.attachUpdater({ download: async () => void calls.push(`download (snapshots: ${snapshotCount()})`), quitAndInstall: () => void calls.push('quitAndInstall') });
  core.updates.available({ version: '99.0.0' });
});
afterAll(() => {
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

function snapshotCount(): number {
  return (JSON.parse(execFileSync('restic', ['snapshots', '--json'], { env: { ...process.env, RESTIC_REPOSITORY: repo, RESTIC_PASSWORD: password, RESTIC_CACHE_DIR: join(root, 'cache') }, encoding: 'utf8' })) as unknown[]).length;
}

const backUpFirst = (plan = core.guardian.upgradePlan({ availableVersion: '99.0.0' })) => plan.steps.find((s) => s.title === 'Back up first')!.detail;

describe('back up first', () => {
  it('says plainly when no plan backs up the app\u2019s data', () => {
    expect(backUpFirst()).toBe('Back up first: no backup plan backs up the app\u2019s data (add one: levqor backup plan add NAME --repo REPO --source app), so no backup will be taken');
  });

  it('names the app-data plan in the upgrade plan and the install request, and runs it before the download', async () => {
    await core.backups.add({ name: 'documents', repo, password, sources: [{ kind: 'folder', path: root }], excludes: ['data', 'repo', 'cache'], retention: {} });
    await core.backups.add({ name: 'levqor', repo, password, sources: [{ kind: 'app' }], excludes: [], retention: {} });
    expect(backUpFirst()).toMatch(/^Run the backup plan levqor \(it backs up the app’s data/);
    const approval: Approval = core.updates.requestInstall();
    expect((approval.preview as { willDo: string[] }).willDo[0]).toMatch(/^Run the backup plan levqor /);
    core.approvals.approve(approval.id, { by: 'ada' });
    await core.approvals.settled();
    const [op] = core.backups.history('levqor', 1);
    expect(op).toMatchObject({ kind: 'backup', status: 'succeeded' });
    expect(core.backups.history('documents', 5).map((o) => o.kind)).toEqual(['init']);
    expect(core.approvals.get(approval.id).outcome).toMatchObject({ ok: true, message: `backup taken: snapshot ${op!.snapshotId} of the plan levqor; 99.0.0 downloaded; the app quits now to install it` });
    expect(calls).toEqual(['download (snapshots: 1)', 'quitAndInstall']);
  });

  it('a backup that fails stops the install: nothing is downloaded', async () => {
    calls.length = 0;
    rmSync(repo, { recursive: true, force: true });
    const approval = core.updates.requestInstall();
    core.approvals.approve(approval.id, { by: 'ada' });
    await core.approvals.settled();
    expect(core.approvals.get(approval.id).outcome).toMatchObject({ ok: false, message: expect.stringMatching(/^backup failed: the backup plan levqor did not succeed \(failed: .*\); nothing installed$/) });
    expect(calls).toEqual([]);
  });
});
