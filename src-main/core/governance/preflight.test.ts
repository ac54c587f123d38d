import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, ManualClock, type Core } from '..';
import { isAppRoute } from '../../../shared/app-routes';
import type { PreflightReport } from '../../../shared/contract/governance';
import { startFakeOpenAi, type FakeOpenAiServer } from '../../../tests/helpers/ai/openai-server';
import { goodToken, startFakeDrive, type FakeDrive } from '../../../tests/helpers/drive-server';
import { SlackServer } from '../../../tests/helpers/notify/slack-server';
import { usePostgres } from '../../../tests/helpers/postgres';
import { liveKey } from '../../../tests/helpers/stripe/core';
import { startFakeStripe, type FakeStripe } from '../../../tests/helpers/stripe/server';
import { tempDir } from '../../../tests/helpers/temp-dir';
import type { DataMapCoverage } from '../data-map-port';
import { GovernanceService } from './governance-service';
import { governanceSources } from './wiring';

const pg = usePostgres();
let stripe: FakeStripe;
let openai: FakeOpenAiServer;
let drive: FakeDrive;
let slack: SlackServer;
let core: Core;
let clock: ManualClock;
const closedPort = 'http://127.0.0.1:9/v1';

/** Everything set up for real: the live key on the local Stripe, the model, Postgres, Drive, Slack, a backup and a clean check. */
beforeAll(async () => {
  [stripe, openai, drive, slack] = await Promise.all([startFakeStripe(), startFakeOpenAi(), startFakeDrive(), new SlackServer().start()]);
  const root = tempDir('levqor-preflight-');
  const folder = join(root, 'documents');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), 'kept');
  clock = new ManualClock(Date.now());
  core = createCore({ dataDir: join(root, 'data'), env: { PATH: process.env.PATH, HOME: root, LEVQOR_SECRET_KEY: 'd'.repeat(64), LEVQOR_DRIVE_ROOT_URL: drive.url }, clock, logToFile: false, preflightCheckTimeoutMs: 5_000 });
  core.settings.set('stripe.apiBase', stripe.url);
  core.settings.set('stripe.mode', 'live');
  core.secrets.set('stripe.secretKey', liveKey);
  core.settings.set('ai.baseUrl', openai.url);
  core.secrets.set('openai.apiKey', 'sk-levqor-test');
  core.secrets.set('database.url', await pg.createDatabase('preflight'));
  core.secrets.set('google.driveCredentials', JSON.stringify({ access_token: goodToken }));
  core.secrets.set('slack.webhookUrl', slack.webhookUrl);
  await core.backups.add({ name: 'business', repo: join(root, 'repo'), password: 'repo-password-1', sources: [{ kind: 'folder', path: folder }] });
  await core.backups.run('business', true);
  await core.backups.check('business');
}, 60_000);
afterAll(async () => {
  core?.close();
  await Promise.all([stripe?.close(), openai?.stop(), drive?.close(), slack?.close()]);
});

const statusOf = (r: PreflightReport) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
const green = { 'stripe.liveKey': 'pass', 'openai.key': 'pass', 'remote.postgres': 'pass', 'drive.credentials': 'pass', 'alerts.channel': 'pass', 'backups.recent': 'pass', 'guardian.critical': 'pass', 'compliance.dataMap': 'pass' };

/** Breaks one thing, runs the preflight, puts it back: only that check (and the ones `alsoWarn` names, which depend on it) may differ from green. */
async function alone(id: string, status: 'warn' | 'block', reason: RegExp, breakIt: () => void | Promise<void>, fix: () => void | Promise<void>, alsoWarn: readonly string[] = []) {
  await breakIt();
  try {
    const report = await core.governance.preflight();
    expect(statusOf(report)).toEqual({ ...green, ...Object.fromEntries(alsoWarn.map((other) => [other, 'warn'])), [id]: status });
    expect(report.checks.find((c) => c.id === id)?.reason).toMatch(reason);
    expect(report.blocked).toBe(status === 'block');
  } finally {
    await fix();
  }
}

describe('the preflight before post-launch', () => {
  it('passes every check against the real services, each with a reason and an app route that fixes it', async () => {
    const report = await core.governance.preflight();
    expect(statusOf(report)).toEqual(green);
    expect(report.blocked).toBe(false);
    for (const c of report.checks) expect(isAppRoute(c.fix), c.fix).toBe(true);
    expect(report.checks.find((c) => c.id === 'compliance.dataMap')?.reason).toMatch(/^All \d+ tables are mapped\.$/);
    expect(slack.accepted.length).toBeGreaterThan(0);
  });

  it('blocks on the Stripe key alone: test mode, or a live key Stripe refuses', async () => {
    await alone('stripe.liveKey', 'block', /test mode.*stripe\.mode/, () => void core.settings.set('stripe.mode', 'test'), () => void core.settings.set('stripe.mode', 'live'));
    await alone('stripe.liveKey', 'block', /Stripe refused stripe\.secretKey/, () => void core.secrets.set('stripe.secretKey', 'sk_live_unknown'), () => void core.secrets.set('stripe.secretKey', liveKey));
  });

  it('warns when the model cannot be reached (offline), naming it and without hanging', async () => {
    await alone('openai.key', 'warn', /Could not reach The AI model.*offline/, () => void core.settings.set('ai.baseUrl', closedPort), () => void core.settings.set('ai.baseUrl', openai.url));
  });

  it('blocks when the remote database is unreachable (and the data map, unable to compare its tables, warns)', async () => {
    const url = core.secrets.reveal('database.url')!;
    await alone('remote.postgres', 'block', /remote database/, () => void core.secrets.set('database.url', 'postgres://levqor:wrong@127.0.0.1:9/none'), () => void core.secrets.set('database.url', url), ['compliance.dataMap']);
  });

  it('blocks when Drive refuses the credentials', async () => {
    await alone('drive.credentials', 'block', /Google Drive refused/, () => void core.secrets.set('google.driveCredentials', JSON.stringify({ access_token: 'ya29.revoked' })), () => void core.secrets.set('google.driveCredentials', JSON.stringify({ access_token: goodToken })));
  });

  it('blocks when no alert channel delivers a real test notice', async () => {
    await alone('alerts.channel', 'block', /No alert channel delivered.*Slack/, () => void (slack.answer = () => ({ status: 404, body: 'no_service' })), () => void (slack.answer = undefined));
  });

  it('blocks on a critical Guardian finding (a monitor DOWN)', async () => {
    const monitor = core.guardian.add({ name: 'Shop', type: 'http', url: 'http://127.0.0.1:9/', intervalSeconds: 60 });
    await alone('guardian.critical', 'block', /Monitor "Shop" is DOWN/, async () => void (await core.guardian.checkOne(monitor.id)), () => void core.guardian.remove(monitor.id));
  });

  it('blocks on a table the data map leaves out, warns when only this machine was compared, and passes when it covers them all', async () => {
    let coverage: DataMapCoverage = { complete: false, missing: [{ store: 'remote', table: 'sales_leads' }], tables: 40, remoteChecked: true };
    const port = { coverage: async () => coverage };
    const g = new GovernanceService({ clock, stage: core.stage, approvals: core.approvals, sources: governanceSources({ ...coreOwners(core), dataMap: port }) });
    const report = await g.preflight();
    expect(report.checks.find((c) => c.id === 'compliance.dataMap')).toMatchObject({ status: 'block', reason: expect.stringContaining('sales_leads') });
    coverage = { complete: true, missing: [], tables: 30, remoteChecked: false };
    expect((await g.preflight()).checks.find((c) => c.id === 'compliance.dataMap')).toMatchObject({ status: 'warn', reason: expect.stringContaining('shared Postgres could not be read') });
    coverage = { complete: true, missing: [], tables: 40, remoteChecked: true };
    expect((await g.preflight()).checks.find((c) => c.id === 'compliance.dataMap')).toMatchObject({ status: 'pass', reason: 'All 40 tables are mapped.' });
  });

  it('refuses the switch to post-launch while a check blocks, changing nothing, and switches once none does; both land in the audit log', async () => {
    core.settings.set('stripe.mode', 'test');
    await expect(core.governance.setStage('post-launch')).rejects.toMatchObject({ code: 'CONFLICT', field: 'stage', message: expect.stringMatching(/refused while the preflight blocks: Stripe live key — Stripe is in test mode/) });
    expect(core.stage.state()).toMatchObject({ stage: 'pre-launch', stored: 'pre-launch' });
    core.settings.set('stripe.mode', 'live');
    expect(await core.governance.setStage('post-launch')).toMatchObject({ stage: 'post-launch' });
    const { entries } = core.approvals.auditEntries({ kind: 'stage.switch', limit: 10 });
    expect(entries.map((e) => [e.who, e.what, e.subject, e.outcome, e.stage])).toEqual([
      ['founder', 'stage.switch', 'post-launch', 'done', 'pre-launch'],
      ['founder', 'stage.switch', 'post-launch', 'blocked', 'pre-launch'],
    ]);
    expect(JSON.parse(entries[1]!.detail!)).toEqual({ to: 'post-launch', blocking: ['stripe.liveKey'] });
    // going back is never gated
    expect(await core.governance.setStage('pre-launch')).toMatchObject({ stage: 'pre-launch' });
  });

  it('an override is a Class C approval carrying the reason; approving it in the inbox switches, and the audit says who and why', async () => {
    core.settings.set('stripe.mode', 'test');
    await expect(core.governance.requestOverride('We launch with test payments for a private beta')).resolves.toMatchObject({
      subject: { kind: 'stage.override', ref: 'post-launch' },
      class: 'C',
      status: 'pending',
      preview: { reason: 'We launch with test payments for a private beta', blocking: [expect.objectContaining({ id: 'stripe.liveKey' })] },
    });
    const [pending] = core.approvals.list({ status: 'pending', kind: 'stage.override', limit: 5 });
    expect(core.stage.current).toBe('pre-launch');
    core.approvals.approve(pending!.id, { by: 'Ada', reason: 'beta only' });
    await core.approvals.settled();
    expect(core.stage.current).toBe('post-launch');
    expect(core.approvals.get(pending!.id).outcome).toMatchObject({ ok: true, message: 'switched to post-launch by override' });
    const { entries } = core.approvals.auditEntries({ text: 'private beta', limit: 10 });
    expect(entries.map((e) => [e.who, e.what, e.outcome])).toEqual([
      ['Ada', 'stage.switch', 'done'],
      ['Ada', 'stage.override', 'approved'],
    ]);
    await expect(core.governance.requestOverride('again, once more please')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('post-launch already') });
    core.stage.set('pre-launch');
    core.settings.set('stripe.mode', 'live');
    await expect(core.governance.requestOverride('nothing blocks right now')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('nothing in the preflight blocks') });
  });

  it('blocks on a backup older than 24 h (last: time moves on)', async () => {
    await alone('backups.recent', 'block', /newest successful backup is 25 h old/, () => clock.advance(25 * 3_600_000), () => undefined);
  });
});

function coreOwners(c: Core) {
  return { settings: c.settings, secrets: c.secrets, cipher: { id: 'aes-256-gcm' }, remote: c.remote, latestRemoteVersion: 0, notify: c.notify, backups: c.backups, guardian: c.guardian };
}
