import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import type { Approval } from '../../shared/contract/approvals';
import { createDispatcher } from '../api/dispatcher';
import { appVersion } from '../../shared/version';
import { createCore, type Core } from '../core';
import { FakeAutoUpdater } from '../../tests/helpers/electron/fake-auto-updater';
import { checkForUpdatesQuietly, type AutoUpdaterLike } from './updater';

function setup() {
  const dataDir = tempDir();
  const core = createCore({ dataDir, env: {} });
  const logLines = () =>
    readFileSync(join(dataDir, 'logs', 'levqor.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: string });
  return { core, logLines };
}

const warn = 40;

async function run(core: Core, updater: AutoUpdaterLike, isPackaged = true) {
  return checkForUpdatesQuietly({ core, isPackaged, loadUpdater: () => updater });
}

describe('checkForUpdatesQuietly', () => {
  it('checks once when packaged and updates.autoCheck is on', async () => {
    const { core } = setup();
    const updater = new FakeAutoUpdater(async () => null);
    expect(await run(core, updater)).toBe('checked');
    expect(updater.checks).toBe(1);
    core.close();
  });

  it('does not check an unpackaged build, or when the founder turned checks off', async () => {
    const { core } = setup();
    const updater = new FakeAutoUpdater(async () => null);
    let loads = 0;
    expect(await checkForUpdatesQuietly({ core, isPackaged: false, loadUpdater: () => (loads++, updater) })).toBe('unpackaged');
    core.settings.set('updates.autoCheck', false);
    expect(await checkForUpdatesQuietly({ core, isPackaged: true, loadUpdater: () => (loads++, updater) })).toBe('disabled');
    expect(loads).toBe(0);
    expect(updater.checks).toBe(0);
    core.close();
  });

  it('only logs a warning when the check rejects', async () => {
    const { core, logLines } = setup();
    const updater = new FakeAutoUpdater(() => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED')));
    await expect(run(core, updater)).resolves.toBe('failed');
    expect(logLines()).toContainEqual(expect.objectContaining({ level: warn, msg: 'update check failed', err: 'net::ERR_NAME_NOT_RESOLVED' }));
    core.close();
  });

  it('only logs when the check throws synchronously or the updater cannot load', async () => {
    const { core, logLines } = setup();
    const throwing = new FakeAutoUpdater(() => {
      throw new Error('no app-update.yml');
    });
    await expect(run(core, throwing)).resolves.toBe('failed');
    await expect(
      checkForUpdatesQuietly({
        core,
        isPackaged: true,
        loadUpdater: () => Promise.reject(new Error('cannot load electron-updater')),
      }),
    ).resolves.toBe('failed');
    const warnings = logLines().filter((l) => l.level === warn).map((l) => l.err);
    expect(warnings).toEqual(['no app-update.yml', 'cannot load electron-updater']);
    core.close();
  });

  it('logs the updater\u2019s later error events instead of crashing the process', async () => {
    const { core, logLines } = setup();
    const updater = new FakeAutoUpdater(async () => null);
    await run(core, updater);
    // without a listener, EventEmitter would throw this as an uncaught exception
    expect(() => updater.emit('error', new Error('sha512 checksum mismatch'))).not.toThrow();
    expect(logLines()).toContainEqual(expect.objectContaining({ level: warn, msg: 'updater error', err: 'sha512 checksum mismatch' }));
    core.close();
  });
});

describe('installing an update through the approval system', () => {
  const newer = { version: '99.1.0', releaseNotes: '<h2>99.1.0</h2><p>Faster &amp; smaller.</p>' };

  async function desktop() {
    const { core } = setup();
    const announced: unknown[] = [];
    core.events.on('app.updateAvailable', (u) => announced.push(u));
    const updater = new FakeAutoUpdater(async (self) => self.offer(newer));
    expect(await run(core, updater)).toBe('checked');
    const api = createDispatcher(core);
    return { core, updater, announced, api };
  }

  it('turns electron-updater\u2019s download-on-find and install-on-quit off before it checks', async () => {
    const { core, updater } = await desktop();
    expect(updater.atCheck).toEqual({ autoDownload: false, autoInstallOnAppQuit: false });
    expect(updater.calls).toEqual(['checkForUpdates']);
    core.close();
  });

  it('announces a found update as app.updateAvailable, with the release notes as text', async () => {
    const { core, announced, api } = await desktop();
    expect(announced).toEqual([{ version: '99.1.0', releaseNotes: '99.1.0\nFaster & smaller.' }]);
    expect(await api.call('app.updateStatus', {})).toEqual({ ok: true, value: { canInstall: true, available: announced[0], pendingApprovalId: null } });
    core.close();
  });

  it('asks for an approval to install, previewing the upgrade plan, and downloads nothing yet', async () => {
    const { core, updater, api } = await desktop();
    const asked = await api.call('app.installUpdate', {});
    expect(asked).toMatchObject({ ok: true, value: { status: 'pending', subject: { kind: 'app.update', ref: '99.1.0' }, stepType: 'app.install', class: 'B' } });
    const approval = (asked as { value: Approval }).value;
    expect(approval.preview).toMatchObject({
      willDo: [expect.stringContaining('no backup plan backs up the app\u2019s data'), expect.stringContaining('Download 99.1.0'), expect.stringContaining('Quit the app and install 99.1.0')],
      plan: { targetVersion: '99.1.0', kind: 'major', steps: expect.arrayContaining([expect.objectContaining({ title: 'Back up first' })]) },
    });
    // asking again returns the same request
    expect(await api.call('app.installUpdate', {})).toMatchObject({ ok: true, value: { id: approval.id } });
    expect(await api.call('app.updateStatus', {})).toMatchObject({ ok: true, value: { pendingApprovalId: approval.id } });
    expect(updater.calls).toEqual(['checkForUpdates']);
    core.close();
  });

  it('approved: downloads, stores the outcome, then quits and installs, in that order', async () => {
    const { core, updater, api } = await desktop();
    const { value: approval } = (await api.call('app.installUpdate', {})) as { value: Approval };
    const seenAtQuit: unknown[] = [];
    updater.quitAndInstall = () => {
      updater.calls.push('quitAndInstall');
      seenAtQuit.push(core.approvals.get(approval.id).outcome);
    };
    await api.call('approvals.approve', { id: approval.id, by: 'ada' });
    await core.approvals.settled();
    expect(updater.calls).toEqual(['checkForUpdates', 'downloadUpdate', 'quitAndInstall']);
    const outcome = { ok: true, message: 'no backup plan backs up the app\u2019s data (add one: levqor backup plan add NAME --repo REPO --source app): none taken; 99.1.0 downloaded; the app quits now to install it' };
    expect(core.approvals.get(approval.id).outcome).toMatchObject(outcome);
    expect(seenAtQuit).toEqual([expect.objectContaining(outcome)]);
    expect(core.approvals.auditFor('app.update', '99.1.0')).toEqual([expect.objectContaining({ mode: 'real', decision: 'approved', approvalId: approval.id })]);
    core.close();
  });

  it('rejected: downloads nothing and installs nothing', async () => {
    const { core, updater, api } = await desktop();
    const { value: approval } = (await api.call('app.installUpdate', {})) as { value: Approval };
    await api.call('approvals.reject', { id: approval.id, reason: 'after the launch' });
    await core.approvals.settled();
    expect(updater.calls).toEqual(['checkForUpdates']);
    expect(core.approvals.get(approval.id).outcome).toMatchObject({ ok: true, message: 'not installed: the approval was rejected' });
    expect(core.approvals.auditFor('app.update', '99.1.0')).toEqual([expect.objectContaining({ mode: 'blocked', decision: 'rejected' })]);
    core.close();
  });

  it('a failed download installs nothing and says why', async () => {
    const { core, updater, api } = await desktop();
    updater.downloading = () => Promise.reject(new Error('sha512 checksum mismatch'));
    const { value: approval } = (await api.call('app.installUpdate', {})) as { value: Approval };
    await api.call('approvals.approve', { id: approval.id });
    await core.approvals.settled();
    expect(updater.calls).toEqual(['checkForUpdates', 'downloadUpdate']);
    expect(core.approvals.get(approval.id).outcome).toMatchObject({ ok: false, message: expect.stringContaining('the download of 99.1.0 failed: sha512 checksum mismatch; nothing installed') });
    core.close();
  });

  it('a feed version that is not semantic is logged and not announced', async () => {
    const { core, logLines } = setup();
    const announced: unknown[] = [];
    core.events.on('app.updateAvailable', (u) => announced.push(u));
    await run(core, new FakeAutoUpdater(async (self) => self.offer({ version: 'latest' })));
    expect(announced).toEqual([]);
    expect(logLines()).toContainEqual(expect.objectContaining({ level: warn, msg: 'update feed gave an unusable update', err: 'version: must be a semantic version like 1.2.3' }));
    core.close();
  });
  it('a newer find withdraws the request about the older one', async () => {
    const { core, updater, api } = await desktop();
    const { value: first } = (await api.call('app.installUpdate', {})) as { value: Approval };
    updater.offer({ version: '99.2.0' });
    expect(core.approvals.get(first.id)).toMatchObject({ status: 'cancelled', reason: 'superseded: 99.2.0 is the update available now' });
    expect(await api.call('app.installUpdate', {})).toMatchObject({ ok: true, value: { subject: { ref: '99.2.0' }, status: 'pending' } });
    core.close();
  });

  it('refuses to ask about the version already installed', async () => {
    const { core, updater, api } = await desktop();
    updater.offer({ version: appVersion });
    expect(await api.call('app.installUpdate', {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `app.installUpdate: ${appVersion} cannot be installed: ${appVersion} is the version already installed` },
    });
    expect(core.approvals.list({ kind: 'app.update', status: 'pending', limit: 5 })).toEqual([]);
    core.close();
  });

  it('approved in a process without an updater (the CLI, levqor serve): nothing is installed, and the outcome says why', async () => {
    const { core, updater, api } = await desktop();
    const { value: approval } = (await api.call('app.installUpdate', {})) as { value: Approval };
    const cli = createCore({ dataDir: core.dataDir, env: {}, logToFile: false });
    cli.approvals.approve(approval.id, { by: 'cli' });
    await cli.approvals.settled();
    expect(cli.approvals.get(approval.id).outcome).toMatchObject({ ok: false, message: expect.stringContaining('nothing installed: this process has no app updater') });
    expect(updater.calls).toEqual(['checkForUpdates']);
    cli.close();
    core.close();
  });
});
