import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCore } from '..';
import { createDispatcher } from '../../api/dispatcher';
import { tempDir } from '../../../tests/helpers/temp-dir';

const fresh = () => createCore({ dataDir: tempDir('levqor-governance-'), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64) }, logToFile: false, preflightCheckTimeoutMs: 3_000 });

describe('governance on a fresh install', () => {
  it('warns about every part not set up, blocks nothing, and lets the founder go post-launch knowingly', async () => {
    const core = fresh();
    const report = await core.governance.preflight();
    expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual({
      'stripe.liveKey': 'warn',
      'openai.key': 'warn',
      'remote.postgres': 'warn',
      'drive.credentials': 'warn',
      'alerts.channel': 'warn',
      'backups.recent': 'warn',
      'guardian.critical': 'pass',
      'compliance.dataMap': 'warn',
    });
    expect(report.blocked).toBe(false);
    expect(await core.governance.setStage('post-launch')).toMatchObject({ stage: 'post-launch' });
    const [switched] = core.approvals.auditEntries({ kind: 'stage.switch', limit: 5 }).entries;
    expect(JSON.parse(switched!.detail!)).toMatchObject({ to: 'post-launch', from: 'pre-launch', warnings: expect.arrayContaining(['stripe.liveKey', 'alerts.channel']) });
    core.close();
  });

  it('a service that never answers costs the preflight one check timeout, and says offline rather than hanging', async () => {
    const sockets: Array<{ destroy(): void }> = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const core = createCore({ dataDir: tempDir('levqor-governance-'), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64) }, logToFile: false, preflightCheckTimeoutMs: 800 });
    try {
      core.settings.set('ai.baseUrl', `http://127.0.0.1:${(silent.address() as { port: number }).port}/v1`);
      core.secrets.set('openai.apiKey', 'sk-levqor-test');
      const started = Date.now();
      const report = await core.governance.preflight();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(report.checks.find((c) => c.id === 'openai.key')).toMatchObject({ status: 'warn', reason: expect.stringMatching(/Could not reach .*no answer within 1 s.*offline/) });
      expect(report.blocked).toBe(false);
    } finally {
      core.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('settings.set stage goes through the same preflight, and a bad value is refused naming the field', async () => {
    const core = fresh();
    const api = createDispatcher(core);
    core.secrets.set('stripe.secretKey', 'sk_test_levqor');
    expect(await api.call('settings.set', { key: 'stage', value: 'post-launch' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'stage', message: expect.stringContaining('Stripe is in test mode') } });
    expect(core.stage.current).toBe('pre-launch');
    expect(await api.call('settings.set', { key: 'stage', value: 'soon' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'value' } });
    expect(await api.call('governance.requestOverride', { stage: 'post-launch', reason: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'reason', message: expect.stringContaining('at least 10 characters') } });
    expect(core.approvals.list({ kind: 'stage.override', limit: 5 })).toEqual([]);
    core.close();
  });

  it('the hardening checklist says what it knows here and what only the desktop app can check', async () => {
    const core = fresh();
    const byId = Object.fromEntries((await core.governance.hardening()).items.map((i) => [i.id, i]));
    expect(byId['secrets.encrypted']).toMatchObject({ status: 'pass', reason: expect.stringContaining('AES-256-GCM') });
    expect(byId['server.loopback']).toMatchObject({ status: 'unknown' });
    expect(byId['electron.sandbox']).toMatchObject({ status: 'unknown', where: 'desktop', reason: expect.stringContaining('Only the desktop app') });
    expect(byId['alerts.configured']).toMatchObject({ status: 'fail' });
    expect(byId['backups.scheduled']).toMatchObject({ status: 'fail' });
    expect(byId['compliance.dataMap']).toMatchObject({ status: 'warn', reason: expect.stringContaining('shared Postgres was not compared') });
    core.governance.reportRuntime({ transport: 'serve', serverHost: '0.0.0.0' });
    expect((await core.governance.hardening()).items.find((i) => i.id === 'server.loopback')).toMatchObject({ status: 'fail', reason: expect.stringContaining('0.0.0.0') });
    core.governance.reportRuntime({ transport: 'desktop', packaged: true, window: { contextIsolation: true, sandbox: false, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, devTools: false } });
    const desktop = Object.fromEntries((await core.governance.hardening()).items.map((i) => [i.id, i.status]));
    expect(desktop).toMatchObject({ 'server.loopback': 'pass', 'electron.contextIsolation': 'pass', 'electron.sandbox': 'fail', 'electron.devTools': 'pass' });
    core.close();
  });

  it('the audit log lists notices sent outside and exports CSV a spreadsheet cannot run', async () => {
    const core = fresh();
    core.secrets.set('slack.webhookUrl', 'https://hooks.slack.com/services/T0/B0/x');
    core.notify.send({ key: 'k1', title: 'Jane Doe paid', body: '=cmd', area: 'revenue', at: 1 }, ['slack', 'os']);
    const { entries, kinds } = core.approvals.auditEntries({ limit: 10 });
    expect(entries).toMatchObject([{ who: 'levqor', what: 'notify.send', kind: 'notify.send', subject: 'slack:k1', outcome: 'done' }]);
    expect(entries[0]!.detail).not.toContain('Jane');
    expect(kinds).toEqual(['notify.send']);
    expect(core.approvals.auditEntries({ outcome: 'blocked', limit: 10 }).entries).toEqual([]);
    expect(core.approvals.auditEntries({ text: 'SLACK:K1', limit: 10 }).entries).toHaveLength(1);
    core.secrets.clear('slack.webhookUrl');
    await core.governance.setStage('post-launch');
    const csv = core.approvals.exportAudit({ limit: 10 }, 'csv');
    expect(csv).toMatchObject({ mimeType: 'text/csv', count: 2, fileName: expect.stringMatching(/^levqor-audit-\d{4}-\d{2}-\d{2}\.csv$/) });
    expect(csv.content.split('\r\n')[0]).toBe('at,who,what,kind,stage,subject,outcome,detail');
    expect(csv.content).toContain('founder,stage.switch,stage.switch,pre-launch,post-launch,done,"{""to"":""post-launch""');
    const json = JSON.parse(core.approvals.exportAudit({ kind: 'notify.send', limit: 10 }, 'json').content);
    expect(json).toMatchObject([{ what: 'notify.send', at: expect.stringMatching(/Z$/) }]);
    core.close();
  });
});
