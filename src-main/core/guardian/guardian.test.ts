import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock, ManualTimer, type Core } from '..';
import { createDispatcher } from '../../api/dispatcher';
import type { Monitor } from '../../../shared/contract/guardian';
import { deductionKinds } from '../../../shared/contract/guardian';
import { planFor } from './healing';
import { latestSchemaVersion } from '../db/migrations';

const hour = 3_600_000;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(env: NodeJS.ProcessEnv = {}) {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
  const timer = new ManualTimer(clock);
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64), LEVQOR_LAUNCH_STAGE: 'post-launch', ...env }, clock, timer, logToFile: false });
  cleanups.push(() => core.close());
  const events: Array<{ name: string; payload: any }> = [];
  core.events.subscribe((name, payload) => {
    if (name.startsWith('guardian.')) events.push({ name, payload });
  });
  return { core, clock, timer, events };
}

type Mode = 'up' | 'down' | 'slow' | 'hang' | 'other-body';
/** A real HTTP server on 127.0.0.1, port 0, whose behaviour the test switches. */
async function target(initial: Mode = 'up') {
  let mode: Mode = initial;
  const hung: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    if (mode === 'hang') return void hung.push(res);
    if (mode === 'slow') return void setTimeout(() => res.writeHead(200).end('hello levqor'), 1_500);
    if (mode === 'down') return void res.writeHead(500).end('boom');
    res.writeHead(200, { 'content-type': 'text/plain' }).end(mode === 'other-body' ? 'something else' : 'hello levqor');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`, set: (m: Mode) => void (mode = m) };
}

describe('http monitors', () => {
  it('UP, DOWN on a 5xx, DOWN on a missing keyword, DOWN when slower than the timeout', async () => {
    const { core } = setup();
    const t = await target();
    const plain = core.guardian.add({ type: 'http', url: t.url, intervalSeconds: 30 });
    const keyword = core.guardian.add({ type: 'http', url: t.url, keyword: 'levqor', timeoutSeconds: 0.5 });
    expect(plain).toMatchObject({ state: 'PENDING', retries: 0, intervalSeconds: 30, timeoutSeconds: 24, name: expect.stringContaining('/health') });

    expect(await core.guardian.checkOne(plain.id)).toMatchObject({ state: 'UP', lastMessage: 'HTTP 200' });
    expect(await core.guardian.checkOne(keyword.id)).toMatchObject({ state: 'UP', lastMessage: 'HTTP 200, keyword found' });

    t.set('other-body');
    expect(await core.guardian.checkOne(plain.id)).toMatchObject({ state: 'UP' });
    expect(await core.guardian.checkOne(keyword.id)).toMatchObject({ state: 'DOWN', lastMessage: 'HTTP 200 but keyword "levqor" not found' });

    t.set('down');
    expect(await core.guardian.checkOne(plain.id)).toMatchObject({ state: 'DOWN', lastMessage: 'HTTP 500 (expected 2xx)' });
    const expect500 = core.guardian.add({ type: 'http', url: t.url, expectedStatus: 500 });
    expect(await core.guardian.checkOne(expect500.id)).toMatchObject({ state: 'UP' });

    t.set('slow');
    const slow = await core.guardian.checkOne(keyword.id);
    expect(slow).toMatchObject({ state: 'DOWN', lastMessage: 'timed out after 0.5 s' });
    expect(slow.lastMs!).toBeLessThan(1_400);
  });

  it('a hanging target never blocks the others: checks run at once, each bounded by its timeout', async () => {
    const { core } = setup();
    const ok = await target('up');
    const hang = await target('hang');
    const a = core.guardian.add({ type: 'http', url: hang.url, name: 'hangs', timeoutSeconds: 1 });
    const a2 = core.guardian.add({ type: 'http', url: `${hang.url}?again`, name: 'hangs too', timeoutSeconds: 1 });
    const b = core.guardian.add({ type: 'http', url: ok.url, name: 'fine', timeoutSeconds: 5 });
    const c = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0 });
    const started = performance.now();
    const order: string[] = [];
    core.events.subscribe((name, p) => name === 'guardian.monitorChanged' && order.push((p as { id: string }).id));
    const all = await core.guardian.checkAll();
    const took = performance.now() - started;
    // two 1 s timeouts one after the other would take 2 s
    expect(took).toBeLessThan(1_900);
    expect(all.find((m) => m.id === a.id)).toMatchObject({ state: 'DOWN', lastMessage: 'timed out after 1 s' });
    expect(all.find((m) => m.id === a2.id)).toMatchObject({ state: 'DOWN', lastMessage: 'timed out after 1 s' });
    expect(all.find((m) => m.id === b.id)).toMatchObject({ state: 'UP' });
    expect(all.find((m) => m.id === c.id)).toMatchObject({ state: 'UP' });
    // the healthy ones finished before the hanging ones gave up
    expect(order.slice(0, 2).sort()).toEqual([b.id, c.id].sort());
  });
});

describe('states, retries and notifications', () => {
  it('PENDING while retrying, DOWN after the retries, alerts only on transitions with a resend interval', async () => {
    const { core, clock, events } = setup();
    const t = await target('up');
    const m = core.guardian.add({ type: 'http', url: t.url, retries: 2, resendIntervalSeconds: 300 });
    const check = async () => {
      clock.advance(60_000);
      return core.guardian.checkOne(m.id);
    };
    expect((await check()).state).toBe('UP');
    t.set('down');
    expect(await check()).toMatchObject({ state: 'PENDING', failures: 1, lastMessage: 'retry 1 of 2: HTTP 500 (expected 2xx)' });
    expect(await check()).toMatchObject({ state: 'PENDING', failures: 2 });
    expect(await check()).toMatchObject({ state: 'DOWN', failures: 3 });
    expect(await check()).toMatchObject({ state: 'DOWN' });
    const alerts = () => events.filter((e) => e.name === 'guardian.alert').map((e) => e.payload.kind);
    expect(alerts()).toEqual(['down']);
    for (let i = 0; i < 4; i++) await check(); // 5 min after the first alert
    expect(alerts()).toEqual(['down', 'resend']);
    t.set('up');
    expect((await check()).state).toBe('UP');
    expect((await check()).state).toBe('UP');
    expect(alerts()).toEqual(['down', 'resend', 'up']);

    const changes = events.filter((e) => e.name === 'guardian.monitorChanged' && e.payload.reason === 'check').map((e) => `${e.payload.previous}>${e.payload.monitor.state}`);
    expect(changes).toEqual(['null>UP', 'UP>PENDING', 'PENDING>DOWN', 'DOWN>UP']);
    const beats = core.guardian.beats(m.id, { limit: 100 });
    expect(beats).toHaveLength(11);
    expect(beats.filter((b) => b.important).map((b) => b.state)).toEqual(['UP', 'DOWN', 'PENDING', 'UP']);
    // every check is announced as a beat (the heartbeat bars follow it), in the order stored
    const announced = events.filter((e) => e.name === 'guardian.beat').map((e) => e.payload);
    expect(announced).toHaveLength(11);
    expect(announced.map((b) => `${b.at}:${b.state}`)).toEqual(beats.map((b) => `${b.at}:${b.state}`).reverse());
    expect(announced[1]).toEqual({ monitorId: m.id, at: expect.any(Number), state: 'PENDING', message: 'retry 1 of 2: HTTP 500 (expected 2xx)', ms: expect.any(Number) });
  });

  it('a maintenance window shows MAINTENANCE and sends nothing; checks resume after it', async () => {
    const { core, clock, events } = setup();
    const t = await target('down');
    const now = clock.now();
    const m = core.guardian.add({ type: 'http', url: t.url, maintenance: [{ from: now - 1_000, to: now + hour, reason: 'deploy' }] });
    expect(await core.guardian.checkOne(m.id)).toMatchObject({ state: 'MAINTENANCE', lastMessage: expect.stringContaining('deploy') });
    expect(events.filter((e) => e.name === 'guardian.alert')).toEqual([]);
    expect(core.guardian.score().breakdown).toEqual([]);
    clock.advance(hour);
    expect((await core.guardian.checkOne(m.id)).state).toBe('DOWN');
    expect(events.filter((e) => e.name === 'guardian.alert')).toHaveLength(1);
  });

  it('heartbeat history is kept for 30 days', async () => {
    const { core, clock } = setup();
    const m = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0 });
    await core.guardian.checkOne(m.id);
    clock.advance(31 * 24 * hour);
    await core.guardian.checkOne(m.id);
    expect(core.guardian.prune()).toBe(1);
    expect(core.guardian.beats(m.id, { limit: 10 })).toHaveLength(1);
  });
});

describe('push (heartbeat) monitors', () => {
  it('UP while pings arrive within interval + grace, DOWN once late (ManualClock), UP again on the next ping', async () => {
    const { core, clock, events } = setup();
    const m = core.guardian.add({ type: 'push', intervalSeconds: 60, graceSeconds: 30 });
    expect(m.pushPath).toMatch(/^\/heartbeat\/[\w-]{32}$/);
    const token = m.pushPath!.slice('/heartbeat/'.length);
    expect(await core.guardian.checkOne(m.id)).toMatchObject({ state: 'PENDING', lastMessage: expect.stringContaining('waiting for the first ping') });
    clock.advance(10_000);
    expect(await core.guardian.ping(token)).toMatchObject({ state: 'UP', lastPingAt: clock.now() });
    clock.advance(90_000);
    expect((await core.guardian.checkOne(m.id)).state).toBe('UP');
    clock.advance(1_000);
    expect(await core.guardian.checkOne(m.id)).toMatchObject({ state: 'DOWN', lastMessage: expect.stringContaining('late by 1 s') });
    expect((await core.guardian.ping(token)).state).toBe('UP');
    expect(events.filter((e) => e.name === 'guardian.alert').map((e) => e.payload.kind)).toEqual(['down', 'up']);
    await expect(core.guardian.ping('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never pinged: DOWN once interval + grace pass after creation', async () => {
    const { core, clock } = setup();
    const m = core.guardian.add({ type: 'push', intervalSeconds: 10, graceSeconds: 5 });
    clock.advance(16_000);
    expect(await core.guardian.checkOne(m.id)).toMatchObject({ state: 'DOWN', lastMessage: expect.stringContaining('no ping received') });
  });
});

describe('postgres and internal monitors', () => {
  it('postgres without a remote is DOWN naming why; an unreachable remote is DOWN', async () => {
    const { core } = setup({ LEVQOR_DATABASE_URL: '' });
    const m = core.guardian.add({ type: 'postgres' });
    expect(await core.guardian.checkOne(m.id)).toMatchObject({ state: 'DOWN', lastMessage: expect.stringContaining('no remote Postgres is configured') });
    const other = setup({ LEVQOR_DATABASE_URL: 'postgres://u:p@127.0.0.1:1/levqor' });
    const p = other.core.guardian.add({ type: 'postgres', timeoutSeconds: 10 });
    const checked = await other.core.guardian.checkOne(p.id);
    expect(checked.state).toBe('DOWN');
    expect(checked.lastMessage).not.toContain(':p@');
  });

  it('internal checks: disk by free space, and honest PENDING when there is nothing to judge', async () => {
    const { core } = setup({ LEVQOR_DATABASE_URL: '' });
    const disk = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0 });
    const full = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 1e9 });
    const backup = core.guardian.add({ type: 'internal', check: 'backup' });
    const scheduler = core.guardian.add({ type: 'internal', check: 'scheduler' });
    const sync = core.guardian.add({ type: 'internal', check: 'sync' });
    const byId = new Map((await core.guardian.checkAll()).map((m) => [m.id, m]));
    expect(byId.get(disk.id)).toMatchObject({ state: 'UP', lastMessage: expect.stringMatching(/^\d+ MB free in the data dir$/) });
    expect(byId.get(full.id)).toMatchObject({ state: 'DOWN', lastMessage: expect.stringContaining('minimum 1000000000 MB') });
    expect(byId.get(backup.id)).toMatchObject({ state: 'PENDING', lastMessage: 'not configured: there is no backup plan yet' });
    expect(byId.get(scheduler.id)).toMatchObject({ state: 'PENDING', lastMessage: expect.stringContaining('only under levqor serve') });
    expect(byId.get(sync.id)).toMatchObject({ state: 'PENDING', lastMessage: expect.stringContaining('no remote Postgres') });
  });
});

describe('bad monitor definitions', () => {
  it('are refused naming the field, through the contract and in core, and nothing is stored', async () => {
    const { core } = setup();
    const dispatcher = createDispatcher(core);
    const call = async (input: unknown) => {
      const r = await dispatcher.call('guardian.addMonitor', input);
      return r.ok ? undefined : r.error;
    };
    expect(await call({ type: 'http', url: 'not a url' })).toMatchObject({ code: 'BAD_INPUT', field: 'url' });
    expect(await call({ type: 'http', url: 'ftp://example.com' })).toMatchObject({ code: 'BAD_INPUT', field: 'url', message: 'url: must start with http:// or https://' });
    expect(await call({ type: 'http' })).toMatchObject({ field: 'url' });
    expect(await call({ type: 'http', url: 'https://example.com', intervalSeconds: 0.5 })).toMatchObject({ code: 'BAD_INPUT', field: 'intervalSeconds', message: 'intervalSeconds: must be at least 1 second' });
    expect(await call({ type: 'ftp', url: 'https://example.com' })).toMatchObject({ code: 'BAD_INPUT', field: 'type' });
    expect(await call({ type: 'internal' })).toMatchObject({ field: 'check' });
    expect(await call({ type: 'push', keyword: 'x' })).toMatchObject({ field: 'keyword' });
    expect(await call({ type: 'http', url: 'https://example.com', retries: -1 })).toMatchObject({ field: 'retries' });
    expect(() => core.guardian.add({ type: 'http', url: 'https://example.com', intervalSeconds: 0 })).toThrow(/intervalSeconds: must be at least 1 second/);
    expect(() => core.guardian.add({ type: 'gopher' })).toThrow(/^type: must be one of/);
    const m = core.guardian.add({ type: 'http', url: 'https://example.com' });
    expect(() => core.guardian.update(m.id, { url: 'javascript:alert(1)' })).toThrow(/^url:/);
    expect(() => core.guardian.update(m.id, { maintenance: [{ from: 10, to: 5 }] })).toThrow(/^maintenance\.0\.to:/);
    expect(core.guardian.list()).toHaveLength(1);
    expect(core.guardian.get(m.id).url).toBe('https://example.com/');
  });
});

async function seedFindings(s: ReturnType<typeof setup>) {
  const { core, clock, timer } = s;
  // a waiting approval (requested 25 h ago) and a workflow that failed three times
  const gated = await core.workflows.run({ workflow: { name: 'Refund', trigger: { type: 'manual' }, nodes: [{ id: 'g', type: 'approval', params: { message: 'refund?' }, approval: { timeout: '7d' } }], edges: [] }, wait: true });
  expect(gated.status).toBe('waiting');
  await timer.advance(25 * hour);
  const failing = core.workflows.save(undefined, { name: 'Flaky import', trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '$error("upstream 502")' } }], edges: [] });
  for (let i = 0; i < 3; i++) {
    const r = await core.workflows.run({ id: failing.id, wait: true });
    expect(r.status).toBe('failed');
  }
  const t = await target('down');
  const down = core.guardian.add({ type: 'http', url: t.url, name: 'api', timeoutSeconds: 2 });
  await core.guardian.checkOne(down.id);
  const hang = await target('hang');
  const slowMon = core.guardian.add({ type: 'http', url: hang.url, name: 'slow api', timeoutSeconds: 0.3 });
  await core.guardian.checkOne(slowMon.id);
  const now = clock.now();
  const anomaly = core.db.prepare("INSERT INTO telemetry_anomalies (id, kind, severity, subject, summary, window_start, window_end, detected_at, last_seen_at, numbers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')");
  anomaly.run('a1', 'error_burn_rate', 'page', 'POST /api/checkout', 'POST /api/checkout: 5xx 4% burns the 99.9% SLO', now - 600_000, now, now - 600_000, now - 60_000);
  anomaly.run('a2', 'slow_endpoint', 'warning', 'GET /api/report', 'GET /api/report p95 2400 ms', now - 600_000, now, now - 600_000, now - 60_000);
  anomaly.run('a3', 'volume_spike', 'warning', 'all', 'volume 5x the baseline', now - 600_000, now, now - 600_000, now - 60_000);
  anomaly.run('a0', 'volume_drop', 'warning', 'all', 'long over', now - 10 * hour, now - 9 * hour, now - 10 * hour, now - 9 * hour);
}

describe('health score, healing plan, summary', () => {
  it('a run stopped by a rejected approval costs no points and is never offered for retry', async () => {
    const { core } = setup();
    const r = await core.workflows.run({ workflow: { name: 'Refund', trigger: { type: 'manual' }, nodes: [{ id: 'g', type: 'approval', params: { message: 'refund?' } }], edges: [] }, wait: true });
    core.approvals.reject(core.approvals.list({ runId: r.runId, status: 'pending', limit: 1 })[0]!.id, { reason: 'no' });
    expect((await core.runs.wait(r.runId, { untilEnd: true })).status).toBe('rejected');
    expect(core.guardian.score().breakdown.filter((d) => d.kind === 'failed_runs')).toEqual([]);
    expect(core.guardian.healingPlan().steps.filter((p) => p.action === 'retry_failed_runs')).toEqual([]);
    expect(core.guardian.summary().failedRuns24h).toBe(0);
  });

  it('the breakdown names each cause and adds up to 100 − score; every finding type gets a healing step', async () => {
    const s = setup({ LEVQOR_DATABASE_URL: 'postgres://u:p@127.0.0.1:1/levqor' });
    await seedFindings(s);
    const score = s.core.guardian.score();
    const sum = score.breakdown.reduce((n, d) => n + d.points, 0);
    expect(sum).toBe(100 - score.score);
    const kinds = new Set(score.breakdown.map((d) => d.kind));
    for (const k of ['monitor_down', 'error_burn', 'slow_endpoint', 'anomaly', 'failed_runs', 'sync_lag', 'approval_waiting'] as const) expect(kinds).toContain(k);
    expect(score.breakdown).toContainEqual(expect.objectContaining({ kind: 'monitor_down', cause: 'Monitor "api" is DOWN', points: 15 }));
    expect(score.breakdown).toContainEqual(expect.objectContaining({ kind: 'error_burn', points: 20 }));
    expect(score.breakdown).toContainEqual(expect.objectContaining({ kind: 'failed_runs', cause: 'Workflow "Flaky import" failed 3 times in 24 h', points: 9 }));
    expect(score.breakdown).toContainEqual(expect.objectContaining({ kind: 'sync_lag', cause: 'Telemetry has never synced with the remote', points: 10 }));
    // an anomaly is named by its kind in words and what it is about; its summary is the evidence
    expect(score.breakdown.find((d) => d.kind === 'anomaly')).toMatchObject({ cause: 'Traffic spike: all traffic', evidence: expect.stringContaining('volume 5x') });
    expect(score.notAssessed).toContainEqual({ kind: 'stale_backup', reason: 'there is no backup plan yet' });
    // 15+15 + 20 + 5 + 3 + 9 + 10 + 5 = 82
    expect(score.score).toBe(18);

    const plan = s.core.guardian.healingPlan();
    expect(plan).toMatchObject({ dryRun: true, score: 18 });
    const actions = new Set(plan.steps.map((p) => p.action));
    for (const a of ['raise_monitor_timeout', 'recheck_monitor', 'investigate_endpoint', 'review_anomaly', 'retry_failed_runs', 'pause_flapping_workflow', 'sync_now', 'decide_approval'] as const) expect(actions).toContain(a);
    for (const k of score.breakdown.map((d) => d.kind)) expect(plan.steps.some((p) => p.finding === k)).toBe(true);
    const raise = plan.steps.find((p) => p.action === 'raise_monitor_timeout')!;
    expect(raise).toMatchObject({ class: 'A', proposal: { procedure: 'guardian.updateMonitor', input: { timeoutSeconds: 5.3 } }, evidence: expect.stringContaining('timed out') });
    expect(plan.steps.find((p) => p.action === 'pause_flapping_workflow')).toMatchObject({ class: 'B', proposal: { procedure: 'workflows.setEnabled' } });
    expect(plan.steps.find((p) => p.action === 'decide_approval')).toMatchObject({ class: 'C' });
    expect(plan.steps.filter((p) => p.action === 'retry_failed_runs')).toHaveLength(3);
    for (const p of plan.steps) expect(p.evidence.length).toBeGreaterThan(0);
    // the plan applied nothing: the workflow is still enabled, the runs still failed, the approval still waits
    expect(s.core.runs.list({ status: 'failed', limit: 10 })).toHaveLength(3);
    expect(s.core.approvals.list({ status: 'pending', limit: 10 })).toHaveLength(1);

    const summary = s.core.guardian.summary();
    expect(summary).toMatchObject({ score: 18, monitors: { total: 2, down: 2 }, pendingApprovals: { count: 1 }, failedRuns24h: 3, trend: { direction: 'new' } });
    expect(summary.anomalies.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(summary.topIssues[0]).toEqual({ cause: 'Error budget burning on POST /api/checkout', points: 20 });
  });

  it('caps keep the score at 0 or more and the breakdown still adds up; stale backup and a disk finding plan their steps', async () => {
    const { core } = setup();
    const t = await target('down');
    for (let i = 0; i < 5; i++) await core.guardian.checkOne(core.guardian.add({ type: 'http', url: t.url, name: `m${i}` }).id);
    const now = core.clock.now();
    const anomaly = core.db.prepare("INSERT INTO telemetry_anomalies (id, kind, severity, subject, summary, window_start, window_end, detected_at, last_seen_at, numbers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')");
    for (let i = 0; i < 6; i++) anomaly.run(`b${i}`, 'error_burn_rate', 'page', `GET /x${i}`, 's', now, now, now, now);
    for (let i = 0; i < 6; i++) anomaly.run(`s${i}`, 'slow_endpoint', 'ticket', `GET /s${i}`, 's', now, now, now, now);
    for (let i = 0; i < 6; i++) anomaly.run(`r${i}`, 'repeated_message', 'warning', `fp${i}`, 's', now, now, now, now);
    const score = core.guardian.score();
    expect(score.breakdown.filter((d) => d.kind === 'monitor_down').reduce((n, d) => n + d.points, 0)).toBe(45);
    expect(score.breakdown.reduce((n, d) => n + d.points, 0)).toBe(100 - score.score);
    expect(score.score).toBe(100 - 45 - 20 - 15 - 10);

    expect(planFor({ kind: 'stale_backup', subject: 'backup', cause: 'Last backup 3 days old', evidence: 'last backup 2026-05-29', weight: 10 })).toEqual([
      expect.objectContaining({ action: 'run_backup_now', class: 'A', evidence: 'last backup 2026-05-29' }),
    ]);
    const disk = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 1e9 });
    await core.guardian.checkOne(disk.id);
    expect(core.guardian.healingPlan().steps.map((p) => p.action)).toContain('free_disk_space');
    expect(new Set(deductionKinds).size).toBe(11);
  });

  it('the summary counts the founder\u2019s requests and the app\u2019s own error lines apart, and scores neither line count', () => {
    const { core, clock } = setup();
    const now = clock.now();
    const rows: unknown[] = [];
    for (let i = 0; i < 40; i++) rows.push({ ts: now - 30 * 60_000 + i * 1000, level: i < 2 ? 'error' : 'info', source: 'site', message: 'GET /shop', endpoint: '/shop', method: 'GET', status: i < 2 ? 503 : 200, duration_ms: 20 });
    for (let i = 0; i < 25; i++) rows.push({ ts: now - 20 * 60_000 + i * 1000, level: i < 5 ? 'error' : 'warn', source: 'app', message: 'remote postgres: retrying' });
    core.telemetry.ingestValues(rows);
    const summary = core.guardian.summary();
    expect(summary.traffic).toEqual({ since: now - hour, requests: 40, serverErrors: 2, p95Ms: expect.any(Number) });
    expect(summary.appLog).toEqual({ since: now - hour, errors: 5, warnings: 20 });
    expect(summary.breakdown).toEqual([]);
  });

  it('says there is not enough to assess while no monitor watches anything, and stores no score then', async () => {
    const { core, clock } = setup();
    expect(core.guardian.score()).toMatchObject({ score: 100, verdict: 'not_enough_data', verdictReason: expect.stringContaining('no monitor') });
    expect(core.guardian.summary()).toMatchObject({ score: 100, verdict: 'not_enough_data' });
    expect(core.guardian.storeScore().verdict).toBe('not_enough_data');
    expect(core.guardian.scoreHistory({ limit: 10 })).toEqual([]);
    const disk = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0 });
    core.guardian.update(disk.id, { paused: true });
    expect(core.guardian.score()).toMatchObject({ verdict: 'not_enough_data', verdictReason: expect.stringContaining('paused') });
    core.guardian.update(disk.id, { paused: false });
    await core.guardian.checkOne(disk.id);
    expect(core.guardian.score()).toMatchObject({ score: 100, verdict: 'healthy' });
    expect(core.guardian.score().verdictReason).toBeUndefined();
    clock.advance(hour);
    expect(core.guardian.storeScore().verdict).toBe('healthy');
    expect(core.guardian.scoreHistory({ limit: 10 }).map((p) => p.score)).toEqual([100]);
  });

  it('stored hourly as history, with the trend in the summary', async () => {
    const { core, clock } = setup();
    await core.guardian.checkOne(core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0 }).id);
    expect(core.guardian.storeScore().score).toBe(100);
    clock.advance(hour);
    const t = await target('down');
    await core.guardian.checkOne(core.guardian.add({ type: 'http', url: t.url }).id);
    expect(core.guardian.storeScore()).toMatchObject({ score: 85, verdict: 'needs_attention' });
    clock.advance(hour);
    expect(core.guardian.scoreHistory({ limit: 10 }).map((p) => p.score)).toEqual([100, 85]);
    expect(core.guardian.scoreHistory({ limit: 1 }).map((p) => p.score)).toEqual([85]);
    expect(core.guardian.summary().trend).toMatchObject({ previous: 85, delta: 0, direction: 'flat' });
    expect(core.background.running).toBe(false);
  });
});

describe('background', () => {
  it('levqor serve\'s background checks each monitor on its interval; one-shot use starts nothing', async () => {
    const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'c'.repeat(64), LEVQOR_DATABASE_URL: '' }, logToFile: false });
    cleanups.push(() => core.close());
    const m = core.guardian.add({ type: 'internal', check: 'disk', minFreeMb: 0, intervalSeconds: 1 });
    await new Promise((r) => setTimeout(r, 700));
    expect(core.guardian.get(m.id).lastCheckAt).toBeNull();
    core.background.start();
    cleanups.push(() => core.background.stop());
    const deadline = Date.now() + 5_000;
    while (core.guardian.beats(m.id, { limit: 10 }).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(core.guardian.beats(m.id, { limit: 10 }).length).toBeGreaterThanOrEqual(2);
    expect(core.guardian.get(m.id).state).toBe('UP');
    await core.background.stop();
  });
});

describe('upgrade planner', () => {
  it('plans backup first, the pending migrations and the risks, and applies nothing', () => {
    const { core } = setup();
    const plan = core.guardian.upgradePlan({ availableVersion: '1.0.0', currentVersion: '0.1.0', targetSchemaVersion: latestSchemaVersion + 2 });
    expect(plan).toMatchObject({ applied: false, kind: 'major', schema: { current: latestSchemaVersion, target: latestSchemaVersion + 2, pending: [latestSchemaVersion + 1, latestSchemaVersion + 2] }, blockers: [] });
    expect(plan.steps[0]!.title).toBe('Back up first');
    expect(plan.steps.map((s) => s.title)).toContain(`Apply migrations ${latestSchemaVersion + 1}, ${latestSchemaVersion + 2}`);
    expect(plan.risks.map((r) => r.level)).toContain('high');
    expect(core.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const down = core.guardian.upgradePlan({ availableVersion: '0.0.9', currentVersion: '0.1.0' });
    expect(down.kind).toBe('downgrade');
    expect(down.blockers[0]).toContain('older than');
    expect(core.guardian.upgradePlan({ availableVersion: '0.1.1', currentVersion: '0.1.0' })).toMatchObject({ kind: 'patch', schema: { pending: [] } });
  });
});

export type { Monitor };
