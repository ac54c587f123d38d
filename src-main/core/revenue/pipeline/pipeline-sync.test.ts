import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { usePostgres } from '../../../../tests/helpers/postgres';
import { freePort } from '../../../../tests/helpers/free-port';
import { createDispatcher } from '../../../api/dispatcher';
import { createCore, type Core } from '../..';

const server = usePostgres();
const opened: Core[] = [];

afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

function open(dataDir: string, url: string): Core {
  const core = createCore({ dataDir, env: { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'a'.repeat(64) }, logToFile: false });
  opened.push(core);
  return core;
}

/** A fresh remote database with the app's schema, a core on it, and SQL "the site" runs there. */
async function setup(name: string) {
  const url = await server.createDatabase(name);
  const dataDir = tempDir();
  const core = open(dataDir, url);
  await core.remote.check();
  const site = <T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []) => server.query<T>(sql, params, name);
  return { url, dataDir, core, site };
}

const lead = (site: (sql: string, p?: unknown[]) => Promise<unknown[]>, email: string, extra = '') =>
  site(`INSERT INTO sales_leads (email, name, company, source, product_slug, utm, value_cents, currency${extra ? ', status' : ''})
        VALUES ($1, 'Ada', 'Acme', 'site', 'crm-kit', '{"utm_source": "newsletter", "utm_campaign": "spring"}', 120000, 'USD'${extra ? `, '${extra}'` : ''}) RETURNING id::text`, [email]) as Promise<Array<{ id: string }>>;

describe('the sales pipeline against a real Postgres', () => {
  it('pulls the site\u2019s rows, writes the founder\u2019s moves and edits back, and announces new items and payments', async () => {
    const { core, site } = await setup('pipe_round');
    const [a] = await lead(site, 'a@example.com');
    await site("INSERT INTO dfy_requests (email, package_slug, brief, budget_cents, currency, due_date) VALUES ('d@example.com', 'launch', 'a launch page', 50000, 'gbp', '2026-03-01')");
    const heard: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'lead.created' || name === 'dfy.created' || name === 'dfy.paid') heard.push(`${name} ${(payload as { email: string }).email}`);
    });

    // the first pull imports what is there, without events
    expect(await core.revenue.pipeline.sync()).toMatchObject({ pulled: { leads: 1, dfy: 1 }, written: 0, pending: 0 });
    expect(heard).toEqual([]);
    const [local] = core.revenue.pipeline.list('lead', { limit: 10 }).items;
    expect(local).toMatchObject({ id: a!.id, email: 'a@example.com', stage: 'new', product: 'crm-kit', value: { amountMinor: 120000, currency: 'usd' }, utm: { source: 'newsletter', campaign: 'spring' }, pendingChanges: 0 });
    expect(core.revenue.pipeline.list('dfy', { limit: 10 }).items[0]).toMatchObject({ product: 'launch', message: 'a launch page', budget: { amountMinor: 50000, currency: 'gbp' }, dueDate: '2026-03-01' });

    // later rows announce themselves; a request pulled already paid is announced paid too
    await lead(site, 'b@example.com');
    await site("INSERT INTO dfy_requests (email, status) VALUES ('p@example.com', 'paid')");
    expect(await core.revenue.pipeline.sync()).toMatchObject({ pulled: { leads: 1, dfy: 1 } });
    expect(heard.sort()).toEqual(['dfy.created p@example.com', 'dfy.paid p@example.com', 'lead.created b@example.com']);

    // the founder's move and edit reach the remote row
    const api = createDispatcher(core);
    expect(await api.call('revenue.moveLead', { id: a!.id, stage: 'contacted' })).toMatchObject({ ok: true, value: { stage: 'contacted' } });
    expect(await api.call('revenue.updateLead', { id: a!.id, notes: 'call on Monday', value: { amountMinor: 99000, currency: 'eur' } })).toMatchObject({ ok: true, value: { notes: 'call on Monday' } });
    const synced = await core.revenue.pipeline.sync();
    expect(synced.pending).toBe(0);
    const [remote] = await site<{ status: string; notes: string; value_cents: string; currency: string; contacted: string }>(
      "SELECT status, notes, value_cents::text, currency, stage_times->>'contacted' AS contacted FROM sales_leads WHERE id = $1",
      [a!.id],
    );
    const moved = core.revenue.pipeline.get('lead', a!.id);
    expect(remote).toEqual({ status: 'contacted', notes: 'call on Monday', value_cents: '99000', currency: 'eur', contacted: String(moved.stageTimes.contacted) });
    expect(moved.changes.map((c) => c.state)).toEqual(['applied', 'applied']);
    expect(await site('SELECT count(*)::int AS n FROM levqor_pipeline_writes')).toEqual([{ n: 2 }]);

    // moving a DFY request to paid announces it once
    const paid = core.revenue.pipeline.list('dfy', { limit: 10, query: 'd@example' }).items[0]!;
    core.revenue.pipeline.move('dfy', paid.id, 'paid');
    await core.revenue.pipeline.sync();
    expect(heard.filter((h) => h === 'dfy.paid d@example.com')).toHaveLength(1);
    expect(await site('SELECT status FROM dfy_requests WHERE id = $1', [paid.id])).toEqual([{ status: 'paid' }]);

    // a DFY request's value has its own currency: the budget's stays as the site wrote it
    core.revenue.pipeline.edit('dfy', paid.id, { value: { amountMinor: 70000, currency: 'eur' }, stripeCustomerId: 'cus_X1', stripePaymentId: 'pi_Y2' });
    await core.revenue.pipeline.sync();
    expect(await site('SELECT value_cents::int AS v, value_currency, currency, stripe_customer_id, stripe_payment_id FROM dfy_requests WHERE id = $1', [paid.id])).toEqual([
      { v: 70000, value_currency: 'eur', currency: 'gbp', stripe_customer_id: 'cus_X1', stripe_payment_id: 'pi_Y2' },
    ]);
    expect(core.revenue.pipeline.get('dfy', paid.id)).toMatchObject({ value: { amountMinor: 70000, currency: 'eur' }, budget: { amountMinor: 50000, currency: 'gbp' }, pendingChanges: 0 });
  });

  it('never misses a row committed late by a long transaction', async () => {
    const { core, site, url } = await setup('pipe_late');
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query("INSERT INTO sales_leads (email) VALUES ('slow@example.com')");
      await lead(site, 'fast@example.com');
      // the fast row committed after the slow one began: both wait until nothing older is running
      await core.revenue.pipeline.sync();
      expect(core.revenue.pipeline.list('lead', { limit: 10 }).items.map((i) => i.email)).toEqual([]);
      await slow.query('COMMIT');
      await lead(site, 'later@example.com');
      await core.revenue.pipeline.sync();
      expect(core.revenue.pipeline.list('lead', { limit: 10 }).items.map((i) => i.email).sort()).toEqual(['fast@example.com', 'later@example.com', 'slow@example.com']);
    } finally {
      await slow.end();
    }
  });

  it('keeps the founder\u2019s changes offline and writes them once back online', async () => {
    const { core, site, dataDir, url } = await setup('pipe_offline');
    const [a] = await lead(site, 'a@example.com');
    await core.revenue.pipeline.sync();
    core.close();

    const nowhere = `postgres://postgres:pw@127.0.0.1:${await freePort()}/nowhere`;
    const offline = open(dataDir, nowhere);
    const moved = offline.revenue.pipeline.move('lead', a!.id, 'qualified');
    expect(moved).toMatchObject({ stage: 'qualified', pendingChanges: 1 });
    await expect(offline.revenue.pipeline.sync()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // offline, the local copy still reads
    expect(offline.revenue.pipeline.list('lead', { limit: 10, stage: 'qualified' }).items).toHaveLength(1);
    expect(offline.revenue.pipeline.syncState()).toMatchObject({ pending: 1, lastError: expect.stringContaining('connection refused') });
    offline.close();

    const online = open(dataDir, url);
    expect(await online.revenue.pipeline.sync()).toMatchObject({ written: 1, pending: 0 });
    expect(await site('SELECT status FROM sales_leads WHERE id = $1', [a!.id])).toEqual([{ status: 'qualified' }]);
    expect(online.revenue.pipeline.get('lead', a!.id)).toMatchObject({ stage: 'qualified', pendingChanges: 0 });
  });

  it('applies a re-sent change once, and settles a stage the site changed meanwhile by the stage further along', async () => {
    const { core, site } = await setup('pipe_conflict');
    const [a] = await lead(site, 'a@example.com');
    const [b] = await lead(site, 'b@example.com');
    const [c] = await lead(site, 'c@example.com');
    await core.revenue.pipeline.sync();

    core.revenue.pipeline.move('lead', a!.id, 'contacted');
    await core.revenue.pipeline.sync();
    // the site moves it on; then the app "crashed" before it marked its write done, and re-sends it
    await site("UPDATE sales_leads SET status = 'qualified' WHERE id = $1", [a!.id]);
    core.db.prepare("UPDATE pipeline_changes SET state = 'pending' WHERE item_id = ?").run(a!.id);
    expect(await core.revenue.pipeline.sync()).toMatchObject({ written: 1, conflicts: 0 });
    expect(await site('SELECT status FROM sales_leads WHERE id = $1', [a!.id])).toEqual([{ status: 'qualified' }]);
    expect(core.revenue.pipeline.get('lead', a!.id)).toMatchObject({ stage: 'qualified', changes: [{ state: 'applied', outcome: { replay: true } }] });

    // the site closed b as won while the founder, not yet seeing it, moved it to contacted: won stays
    await site("UPDATE sales_leads SET status = 'won' WHERE id = $1", [b!.id]);
    core.revenue.pipeline.move('lead', b!.id, 'contacted');
    expect(await core.revenue.pipeline.sync()).toMatchObject({ conflicts: 1, pending: 0 });
    expect(await site('SELECT status FROM sales_leads WHERE id = $1', [b!.id])).toEqual([{ status: 'won' }]);
    expect(core.revenue.pipeline.get('lead', b!.id)).toMatchObject({ stage: 'won', changes: [{ state: 'conflict', outcome: { reason: expect.stringContaining('moved it to won') } }] });

    // the site moved c to contacted; the founder's qualified is further along and is kept
    await site("UPDATE sales_leads SET status = 'contacted' WHERE id = $1", [c!.id]);
    core.revenue.pipeline.move('lead', c!.id, 'qualified');
    expect(await core.revenue.pipeline.sync()).toMatchObject({ conflicts: 0 });
    expect(await site('SELECT status FROM sales_leads WHERE id = $1', [c!.id])).toEqual([{ status: 'qualified' }]);
  });

  it('announces dfy.paid once per request, only when the paid state holds in the shared Postgres', async () => {
    const { core, site, dataDir, url } = await setup('pipe_paid');
    const dfy = async (email: string, status: string) => ((await site("INSERT INTO dfy_requests (email, status) VALUES ($1, $2) RETURNING id::text", [email, status])) as Array<{ id: string }>)[0]!.id;
    const lost = await dfy('lost@example.com', 'quoted');
    const won = await dfy('won@example.com', 'quoted');
    const later = await dfy('later@example.com', 'quoted');
    await site("INSERT INTO dfy_requests (email, status) VALUES ('old@example.com', 'paid')");
    await core.revenue.pipeline.sync();
    const paid: string[] = [];
    const listen = (c: Core) => c.events.on('dfy.paid', (p) => paid.push(p.email));
    listen(core);

    // the site cancelled it before the founder's move reached it: cancelled stays, nothing announced
    await site("UPDATE dfy_requests SET status = 'cancelled' WHERE id = $1", [lost]);
    core.revenue.pipeline.move('dfy', lost, 'paid');
    expect(paid).toEqual([]);
    expect(await core.revenue.pipeline.sync()).toMatchObject({ conflicts: 1 });
    expect(core.revenue.pipeline.get('dfy', lost)).toMatchObject({ stage: 'cancelled' });
    expect(paid).toEqual([]);

    // the move the remote keeps is announced once, though the pull brings the row back paid
    core.revenue.pipeline.move('dfy', won, 'paid');
    await core.revenue.pipeline.sync();
    await site("UPDATE dfy_requests SET notes = 'kick-off Monday' WHERE id = $1", [won]);
    await core.revenue.pipeline.sync();
    expect(paid).toEqual(['won@example.com']);

    // offline the move waits; back online its write-back announces it; the site's own paid row once too
    core.close();
    const offline = open(dataDir, `postgres://postgres:pw@127.0.0.1:${await freePort()}/nowhere`);
    listen(offline);
    offline.revenue.pipeline.move('dfy', later, 'paid');
    await expect(offline.revenue.pipeline.sync()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    offline.close();
    const online = open(dataDir, url);
    listen(online);
    await site("INSERT INTO dfy_requests (email, status) VALUES ('site@example.com', 'paid')");
    await online.revenue.pipeline.sync();
    await online.revenue.pipeline.sync();
    // a request imported already paid by the first pull is never announced
    expect(paid.sort()).toEqual(['later@example.com', 'site@example.com', 'won@example.com']);
    expect(online.db.prepare('SELECT count(*) FROM dfy_paid_announced').pluck().get()).toBe(4);
  });

  it('refuses bad moves and edits with the field and the rule, changing nothing', async () => {
    const { core, site } = await setup('pipe_bad');
    const [a] = await lead(site, 'a@example.com', 'qualified');
    await site("INSERT INTO dfy_requests (email, status) VALUES ('d@example.com', 'quoted')");
    await core.revenue.pipeline.sync();
    const dfy = core.revenue.pipeline.list('dfy', { limit: 1 }).items[0]!;
    const api = createDispatcher(core);
    const before = core.db.prepare('SELECT * FROM pipeline_items ORDER BY id').all();

    expect(await api.call('revenue.moveLead', { id: a!.id, stage: 'new' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'stage', message: 'stage: moving back from qualified to new needs a note saying why (--note)' },
    });
    expect(await api.call('revenue.moveDfy', { id: dfy.id, stage: 'delivered' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'stage', message: expect.stringContaining('must be marked paid') } });
    expect(await api.call('revenue.moveLead', { id: a!.id, stage: 'paid' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'stage' } });
    expect(await api.call('revenue.moveLead', { id: 'nope', stage: 'won' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'id' } });
    expect(await api.call('revenue.moveLead', { id: '00000000-0000-4000-8000-000000000000', stage: 'won' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    expect(await api.call('revenue.updateLead', { id: a!.id, value: { amountMinor: 1.5, currency: 'usd' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'value.amountMinor' } });
    expect(await api.call('revenue.updateDfy', { id: dfy.id, stripeCustomerId: 'acct_1' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'stripeCustomerId', message: expect.stringContaining('cus_') } });
    expect(await api.call('revenue.leads', { cursor: 'garbage' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'cursor' } });

    expect(core.db.prepare('SELECT * FROM pipeline_items ORDER BY id').all()).toEqual(before);
    expect(core.db.prepare('SELECT count(*) FROM pipeline_changes').pluck().get()).toBe(0);
    // a move back with its reason is fine
    expect(await api.call('revenue.moveLead', { id: a!.id, stage: 'contacted', note: 'budget moved to Q3' })).toMatchObject({ ok: true, value: { stage: 'contacted', stageReason: 'budget moved to Q3' } });
  });

  it('pages through a list newest first with its cursor, and filters by text and stage', async () => {
    const { core, site } = await setup('pipe_list');
    for (let i = 0; i < 5; i++) await site("INSERT INTO sales_leads (email, created_at) VALUES ($1, now() - $2 * interval '1 hour')", [`n${i}@example.com`, i]);
    await core.revenue.pipeline.sync();
    const first = core.revenue.pipeline.list('lead', { limit: 2 });
    const second = core.revenue.pipeline.list('lead', { limit: 2, cursor: first.nextCursor });
    const third = core.revenue.pipeline.list('lead', { limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((i) => i.email)).toEqual(['n0@example.com', 'n1@example.com', 'n2@example.com', 'n3@example.com', 'n4@example.com']);
    expect(third.nextCursor).toBeUndefined();
    expect(core.revenue.pipeline.list('lead', { limit: 10, query: 'N3@' }).items.map((i) => i.email)).toEqual(['n3@example.com']);
    expect(core.revenue.pipeline.list('lead', { limit: 10, stage: 'won' }).items).toEqual([]);
  });
});
