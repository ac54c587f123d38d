import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '..';
import { usePostgres } from '../../../tests/helpers/postgres';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { readZip } from '../../../tests/helpers/read-zip';
import { startFakeStripe, type FakeStripe } from '../../../tests/helpers/stripe/server';
import { quickRetry, testKey } from '../../../tests/helpers/stripe/core';
import { plantLocalRow } from '../../../tests/helpers/compliance/plant-rows';
import { dataMap } from '.';
import { emailHash } from './subject-keys';

const server = usePostgres();
let stripe: FakeStripe;
const opened: Core[] = [];
const ada = { email: 'ada@example.com', customer: 'cus_ada', item: 'item-ada' };

beforeAll(async () => {
  stripe = await startFakeStripe();
});
afterAll(async () => {
  await stripe.close();
});
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

/** A core on the data dir, the remote at `url`, Stripe at the local server (remembered, closed after each test). */
const open = (dataDir: string, url: string): Core =>
  remember(createCore({ dataDir, env: { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'b'.repeat(64) }, logToFile: false, stripeRetry: { ...quickRetry } }), (core) => {
    core.settings.set('stripe.apiBase', stripe.url);
    core.secrets.set('stripe.secretKey', testKey);
  });

function remember(core: Core, prepare: (core: Core) => void): Core {
  opened.push(core);
  prepare(core);
  return core;
}

/** Ada everywhere: at Stripe, in the site's tables, and one planted row in every mapped local table. */
async function seed(name: string) {
  const [url, dataDir] = [await server.createDatabase(name), tempDir()];
  const core = open(dataDir, url);
  const created = (await core.remote.check(), stripe.now());
  stripe.put(
    { id: ada.customer, object: 'customer', email: ada.email, name: 'Ada Lovelace', created },
    { id: 'sub_ada', object: 'subscription', customer: ada.customer, status: 'active', created },
    { id: 'in_ada', object: 'invoice', customer: ada.customer, customer_email: ada.email, total: 5000, created },
    { id: 'ch_ada', object: 'charge', customer: ada.customer, amount: 5000, created },
  );
  const site = (sql: string, params: unknown[] = []) => server.query(sql, params, name);
  await site("INSERT INTO sales_leads (email, name, stripe_customer_id) VALUES ('Ada@Example.com', 'Ada', $1)", [ada.customer]);
  await site("INSERT INTO dfy_requests (email, name, brief) VALUES ('ada@example.com', 'Ada', 'a launch page')");
  await site("INSERT INTO telemetry_logs (level, message) VALUES ('info', 'signup from ada@example.com')");
  await site("INSERT INTO sales_leads (email, name) VALUES ('grace@example.com', 'Grace')");
  core.db.pragma('foreign_keys = OFF');
  const refused = dataMap.filter((e) => e.store === 'local' && e.subject).map((e) => plantLocalRow(core.db, e, ada, { runId: 'v1', outboxId: 1 })).filter(Boolean);
  core.db.pragma('foreign_keys = ON');
  expect(refused).toEqual([]);
  return { url, dataDir, core, site };
}

/** Every text value of every local table that mentions the address, as `table.column`. */
function mentions(core: Core, email: string): string[] {
  const out: string[] = [];
  for (const { name } of core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]) {
    for (const row of core.db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const [col, v] of Object.entries(row)) if (typeof v === 'string' && v.toLowerCase().includes(email)) out.push(`${name}.${col}`);
    }
  }
  return out;
}

describe('compliance against a real SQLite, a real Postgres and the local Stripe', () => {
  it('exports every row about a person into one ZIP with a JSON file per source and a summary', async () => {
    const { core } = await seed('comp_export');
    const out = join(tempDir(), 'ada.zip');
    const answered = await core.compliance.exportTo('Ada@Example.com', out, 'gdpr');
    expect(answered).toMatchObject({ kind: 'export', status: 'answered', source: 'cli', export: { matched: true, file: out } });
    const files = Object.fromEntries(readZip(out).map((e) => [e.name, e.data.toString('utf8')]));
    expect(Object.keys(files).sort()).toEqual(['local.json', 'remote.json', 'stripe.json', 'summary.txt']);
    const local = JSON.parse(files['local.json']!) as Record<string, unknown[]>;
    const planted = dataMap.filter((e) => e.store === 'local' && e.subject).map((e) => e.table);
    expect(Object.keys(local).sort()).toEqual(expect.arrayContaining(planted.filter((t) => t !== 'subject_requests').sort()));
    const remote = JSON.parse(files['remote.json']!) as Record<string, unknown[]>;
    expect(Object.keys(remote).sort()).toEqual(['dfy_requests', 'sales_leads', 'telemetry_logs']);
    expect(JSON.stringify(remote)).not.toContain('grace@example.com');
    const fromStripe = JSON.parse(files['stripe.json']!) as Record<string, { id: string }[]>;
    expect(Object.fromEntries(Object.entries(fromStripe).map(([k, v]) => [k, v.map((o) => o.id)]))).toEqual({ customers: ['cus_ada'], subscriptions: ['sub_ada'], invoices: ['in_ada'], charges: ['ch_ada'] });
    expect(files['summary.txt']).toContain('Data held about ada@example.com');
  });

  it('an address that matches nobody: the export says so and the request is still answered', async () => {
    const { core } = await seed('comp_nobody');
    const done = await core.compliance.exportTo('nobody@example.com', join(tempDir(), 'n.zip'), 'ccpa');
    expect(done).toMatchObject({ status: 'answered', law: 'ccpa', export: { matched: false, rows: { local: 0, remote: 0, stripe: 0 } } });
    expect(done.export?.notes[0]).toBe('No record about nobody@example.com was found in any source that could be read.');
    expect(done.dueAt - done.receivedAt).toBe(45 * 86_400_000);
  });

  it('tells the governance preflight through its port that the map covers every table of both stores', async () => {
    const { core } = await seed('comp_cover');
    expect(await core.compliance.coveragePort().coverage()).toMatchObject({ complete: true, missing: [], remoteChecked: true });
  });

  it('bad input names the field and files nothing', async () => {
    const { core } = await seed('comp_bad');
    const before = core.compliance.list(undefined, 10);
    await expect(core.compliance.file({ email: 'not-an-email', kind: 'erase', law: 'gdpr', source: 'app' })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'email', message: 'email: must be an email address like name@example.com (got "not-an-email")' });
    expect(core.compliance.list(undefined, 10)).toEqual(before);
  });

  it('erases only once approved (Class C), everywhere the map says, with a proof of 0 rows; a restore is erased again on open', async () => {
    const { core, site, dataDir, url } = await seed('comp_erase');
    const filed = await core.compliance.file({ email: ada.email, kind: 'erase', law: 'gdpr', source: 'app' });
    expect(filed).toMatchObject({ status: 'waiting' });
    const approval = core.approvals.list({ status: 'pending', limit: 10 }).find((a) => a.subject.kind === 'compliance.erase')!;
    expect(approval).toMatchObject({ class: 'C', subject: { ref: filed.id } });
    expect(stripe.get(ada.customer)?.deleted).toBeUndefined();

    core.approvals.approve(approval.id, { by: 'founder' });
    await core.approvals.settled();
    const done = core.compliance.get(filed.id);
    expect(done).toMatchObject({ status: 'answered', email: null, proof: { passed: true, skipped: [], stripeCustomersDeleted: 1 } });
    expect(Object.values(done.proof!.counts).every((n) => n === 0)).toBe(true);
    expect(Object.keys(done.proof!.counts)).toEqual(expect.arrayContaining(['local:pipeline_items', 'remote:sales_leads', 'remote:telemetry_logs', 'stripe:customers']));
    expect(done.proof!.legalHolds.map((h) => h.table)).toEqual(expect.arrayContaining(['local:stripe_invoices', 'local:stripe_charges']));
    expect(stripe.requests.some((r) => r.method === 'DELETE' && r.path === '/v1/customers/cus_ada')).toBe(true);
    expect(mentions(core, ada.email)).toEqual([]);
    expect((await site("SELECT email FROM sales_leads")).map((r) => (r as { email: string }).email)).toEqual(['grace@example.com']);
    const audit = core.approvals.auditFor('compliance.erase', filed.id);
    expect(audit.at(-1)?.detail).toContain(emailHash(ada.email));
    expect(JSON.stringify(audit)).not.toContain(ada.email);
    expect(core.approvals.get(approval.id).outcome).toMatchObject({ ok: true, result: 'good' });

    // a restore brings back a snapshot taken before the erasure: the open erases Ada again
    core.db.prepare("INSERT INTO pipeline_items (kind, id, created_at, remote_updated_at, email, stage, stage_times, pulled_at) VALUES ('lead', 'restored', 1, 1, 'ada@example.com', 'new', '{}', 1)").run();
    core.close();
    opened.splice(opened.indexOf(core), 1);
    const reopened = open(dataDir, url);
    expect(mentions(reopened, ada.email)).toEqual([]);
  });

  it('an erase that fails midway stays erasing, is never reported done, and is retried until its proof passes', async () => {
    const { core } = await seed('comp_retry');
    const filed = await core.compliance.file({ email: ada.email, kind: 'erase', law: 'gdpr', source: 'app' });
    stripe.inject({ status: 500, path: `/v1/customers/${ada.customer}`, times: 1 });
    core.approvals.approve(filed.approvalId!, { by: 'founder' });
    await core.approvals.settled();
    expect(core.compliance.get(filed.id)).toMatchObject({ status: 'erasing', proof: null, attempts: 1, lastError: expect.any(String) });
    expect(core.approvals.get(filed.approvalId!).outcome).toMatchObject({ result: 'warn' });
    expect(await core.compliance.retryErasures()).toBe(1);
    expect(core.compliance.get(filed.id)).toMatchObject({ status: 'answered', proof: { passed: true } });
    expect(mentions(core, ada.email)).toEqual([]);
  });

  it('files the site\u2019s requests once each and tells the site it has them', async () => {
    const { core, site } = await seed('comp_site');
    await site("INSERT INTO subject_requests (email, kind, law) VALUES ('ada@example.com', 'export', 'ccpa')");
    expect(await core.compliance.pull()).toBe(1);
    expect(await core.compliance.pull()).toBe(0);
    expect(core.compliance.list(undefined, 10).filter((r) => r.source === 'site')).toMatchObject([{ source: 'site', kind: 'export', law: 'ccpa', status: 'open', email: ada.email }]);
    expect(await site('SELECT status FROM subject_requests')).toEqual([{ status: 'received' }]);
  });
});

describe('statutory clocks', () => {
  it('gives GDPR one calendar month (the month\u2019s last day when shorter) and CCPA 45 days, and announces a request once due soon and once overdue, without the email', async () => {
    const { dueAt } = await import('./statutory-clock');
    expect(new Date(dueAt('gdpr', Date.parse('2026-01-31T10:00:00Z'))).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(dueAt('gdpr', Date.parse('2026-03-15T00:00:00Z'))).toISOString()).toBe('2026-04-15T00:00:00.000Z');
    expect(dueAt('ccpa', 0)).toBe(45 * 86_400_000);
    const { ManualClock } = await import('../clock');
    const clock = new ManualClock(Date.parse('2026-03-01T00:00:00Z'));
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64) }, clock, logToFile: false });
    opened.push(core);
    const seen: unknown[] = [];
    core.events.on('compliance.requestDue', (p) => seen.push(p));
    const r = await core.compliance.file({ email: 'ada@example.com', kind: 'export', law: 'gdpr', source: 'app' });
    const { announceDue } = await import('./due-alerts');
    expect(announceDue(core.compliance.store, core.events, clock.now())).toBe(0);
    clock.set(r.dueAt - 6 * 86_400_000);
    expect(announceDue(core.compliance.store, core.events, clock.now())).toBe(1);
    expect(announceDue(core.compliance.store, core.events, clock.now())).toBe(0);
    clock.set(r.dueAt + 1);
    expect(announceDue(core.compliance.store, core.events, clock.now())).toBe(1);
    expect(core.compliance.get(r.id).overdue).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('ada@');
    expect(seen).toMatchObject([{ id: r.id, overdue: false }, { id: r.id, overdue: true }]);
  });
});

describe('do not sell or share (CCPA)', () => {
  it('flags the person at once, and no notice to any channel carries their address or name from then on', async () => {
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'd'.repeat(64) }, logToFile: false });
    opened.push(core);
    core.db.prepare("INSERT INTO pipeline_items (kind, id, created_at, remote_updated_at, email, name, stage, stage_times, pulled_at) VALUES ('lead', 'l1', 1, 1, 'Ada@Example.com', 'Ada Lovelace', 'new', '{}', 1)").run();
    const notice = (key: string) => core.notify.send({ key, title: 'New lead: Ada Lovelace', body: 'ada@example.com asked about the CRM kit', area: 'revenue', at: 1 }, ['os']);
    const stored = (key: string) => (core.db.prepare('SELECT notice FROM notify_outbox WHERE notice_key = ?').get(key) as { notice: string }).notice;
    notice('before');
    expect(stored('before')).toContain('Ada Lovelace');
    const flagged = await core.compliance.file({ email: 'ada@example.com', kind: 'do-not-sell', law: 'ccpa', source: 'app' });
    expect(flagged).toMatchObject({ status: 'answered', kind: 'do-not-sell' });
    notice('after');
    expect(stored('after')).not.toMatch(/ada@example\.com|Ada Lovelace/i);
    expect(JSON.parse(stored('after'))).toMatchObject({ title: 'New lead: [withheld]', body: '[withheld] asked about the CRM kit' });
    // the AI layer redacts the same values from every prompt
    expect(core.compliance.withheld().values()).toEqual(expect.arrayContaining(['Ada@Example.com', 'Ada Lovelace']));
  });
});

describe('lead retention', () => {
  it('anonymises leads past their retention period: pre-launch only once approved (Class B), post-launch at once', async () => {
    const { ManualClock } = await import('../clock');
    const clock = new ManualClock(Date.parse('2026-06-01T00:00:00Z'));
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'e'.repeat(64) }, clock, logToFile: false });
    opened.push(core);
    const lead = core.db.prepare("INSERT INTO pipeline_items (kind, id, created_at, remote_updated_at, email, name, company, stage, stage_times, pulled_at) VALUES ('lead', ?, ?, 1, ?, 'Old', 'Acme', 'new', '{}', 1)");
    lead.run('old', clock.now() - 731 * 86_400_000, 'old@example.com');
    lead.run('new', clock.now() - 10 * 86_400_000, 'new@example.com');
    const rows = () => core.db.prepare('SELECT id, email, name, company FROM pipeline_items ORDER BY id').all();
    const asked = await core.compliance.retention();
    expect(asked).toMatchObject({ anonymised: 0, approvalId: expect.any(String) });
    expect(core.approvals.get(asked.approvalId!)).toMatchObject({ class: 'B', subject: { kind: 'compliance.retention' } });
    expect(rows()).toEqual([{ id: 'new', email: 'new@example.com', name: 'Old', company: 'Acme' }, { id: 'old', email: 'old@example.com', name: 'Old', company: 'Acme' }]);
    core.approvals.approve(asked.approvalId!, { by: 'founder' });
    await core.approvals.settled();
    expect(rows()).toEqual([
      { id: 'new', email: 'new@example.com', name: 'Old', company: 'Acme' },
      { id: 'old', email: `erased-${emailHash('old@example.com').slice(0, 12)}@erased.invalid`, name: null, company: null },
    ]);
    core.stage.set('post-launch');
    clock.advance(725 * 86_400_000);
    expect(await core.compliance.retention()).toEqual({ anonymised: 1, approvalId: null });
  });
});
