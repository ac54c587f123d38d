import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock, ManualTimer } from '..';
import { createDispatcher } from '../../api/dispatcher';
import { healingApprovalTimeoutMs } from './healing-service';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
  const timer = new ManualTimer(clock);
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_SECRET_KEY: 'e'.repeat(64), LEVQOR_LAUNCH_STAGE: 'post-launch' }, clock, timer, logToFile: false });
  cleanups.push(() => core.close());
  return { core, clock, timer };
}

/** A real HTTP target that answers 500 until told otherwise. */
async function target() {
  let status = 500;
  const server: Server = createServer((_req, res) => void res.writeHead(status).end('x'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, set: (s: number) => void (status = s) };
}

/** A workflow that fails while its input says so: three failures make it "flapping". */
async function flakyWorkflow(core: ReturnType<typeof setup>['core']) {
  const w = core.workflows.save(undefined, {
    name: 'Flaky import',
    trigger: { type: 'manual' },
    nodes: [{ id: 't', type: 'transform', params: { expression: '$exists($$.input.fail) ? $error("upstream 502") : "ok"' } }],
    edges: [],
  });
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await core.workflows.run({ id: w.id, input: { fail: true }, wait: true }));
  for (const r of runs) expect(r.status).toBe('failed');
  return { workflowId: w.id, runIds: runs.map((r) => r.runId) };
}

describe('healing actions go through the approval system', () => {
  it('plan steps have stable ids and say whether they can be applied here, and why not', async () => {
    const { core } = setup();
    const { workflowId, runIds } = await flakyWorkflow(core);
    const now = core.clock.now();
    core.db
      .prepare("INSERT INTO telemetry_anomalies (id, kind, severity, subject, summary, window_start, window_end, detected_at, last_seen_at, numbers) VALUES ('a1', 'error_burn_rate', 'page', 'POST /x', 'burn', ?, ?, ?, ?, '{}')")
      .run(now - 60_000, now, now - 60_000, now);
    const plan = core.guardian.healingPlan();
    expect(plan.steps.find((s) => s.action === 'pause_flapping_workflow')).toMatchObject({ id: `pause_flapping_workflow:${workflowId}`, applicable: true });
    expect(plan.steps.filter((s) => s.action === 'retry_failed_runs').map((s) => s.id).sort()).toEqual(runIds.map((id) => `retry_failed_runs:${id}`).sort());
    const investigate = plan.steps.find((s) => s.action === 'investigate_endpoint')!;
    expect(investigate).toMatchObject({ applicable: false, refusal: expect.stringContaining('investigation for you') });
    // the same plan twice gives the same ids
    expect(core.guardian.healingPlan().steps.map((s) => s.id)).toEqual(plan.steps.map((s) => s.id));

    // a step that cannot be applied is refused when requested, naming why, and nothing is asked
    expect(() => core.guardian.requestHealing(investigate.id)).toThrow(expect.objectContaining({ code: 'CONFLICT', field: 'stepId', message: expect.stringContaining('cannot be applied here: this is an investigation') }));
    expect(() => core.guardian.requestHealing('retry_failed_runs:nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'stepId' }));
    expect(core.approvals.list({ limit: 10 })).toEqual([]);
  });

  it('request → approve: the failed run is retried; the outcome and the audit are recorded; the plan recomputes', async () => {
    const { core } = setup();
    const { runIds } = await flakyWorkflow(core);
    const runId = runIds[0]!;
    // the cause is fixed: the retry (same input) would fail again, so make the retried step succeed
    core.db.prepare("UPDATE runs SET input = '{}' WHERE id = ?").run(runId);
    const stepId = `retry_failed_runs:${runId}`;
    const seen: string[] = [];
    core.events.subscribe((name) => name.startsWith('approval.') && seen.push(name));

    const a = core.guardian.requestHealing(stepId);
    expect(a).toMatchObject({
      subject: { kind: 'guardian.healing', ref: stepId, title: expect.stringContaining(`Retry failed run ${runId}`) },
      runId: null,
      stepType: 'retry_failed_runs',
      class: 'B',
      stage: 'post-launch',
      status: 'pending',
      expiresAt: core.clock.now() + healingApprovalTimeoutMs,
      preview: { evidence: expect.stringContaining('upstream 502'), expectedEffect: expect.any(String), proposal: { procedure: 'runs.retry', input: { id: runId } } },
    });
    // asking twice gives the waiting request; the plan shows it
    expect(core.guardian.requestHealing(stepId).id).toBe(a.id);
    expect(core.guardian.healingPlan().steps.find((s) => s.id === stepId)).toMatchObject({ pendingApprovalId: a.id });
    // nothing applied itself
    expect(core.runs.get(runId).status).toBe('failed');

    core.approvals.approve(a.id, { by: 'ada' });
    await core.approvals.settled();
    await core.engine.drain();
    expect(core.runs.get(runId).status).toBe('succeeded');
    expect(core.approvals.get(a.id).outcome).toMatchObject({ ok: true, message: expect.stringContaining(`run ${runId} retried`) });
    expect(core.approvals.auditFor('guardian.healing', stepId)).toEqual([expect.objectContaining({ mode: 'real', decision: 'approved', approvalId: a.id })]);
    expect(seen).toEqual(['approval.requested', 'approval.decided', 'approval.applied']);
    expect(core.guardian.healingPlan().steps.some((s) => s.id === stepId)).toBe(false);
  });

  it('pausing a flapping workflow through the contract: requested, approved, the workflow disabled', async () => {
    const { core } = setup();
    const { workflowId } = await flakyWorkflow(core);
    const api = createDispatcher(core);
    const requested = await api.call('guardian.requestHealing', { stepId: `pause_flapping_workflow:${workflowId}` });
    expect(requested).toMatchObject({ ok: true, value: { status: 'pending', class: 'B' } });
    const id = (requested as { value: { id: string } }).value.id;
    expect(await api.call('approvals.list', { kind: 'guardian.healing', limit: 10 })).toMatchObject({ ok: true, value: { approvals: [{ id }] } });
    expect(await api.call('approvals.approve', { id })).toMatchObject({ ok: true, value: { status: 'approved' } });
    await core.approvals.settled();
    expect(core.workflows.get(workflowId).enabled).toBe(false);
    expect(core.approvals.get(id).outcome).toMatchObject({ ok: true, message: 'workflow "Flaky import" paused (its trigger is off)' });
    expect(await api.call('guardian.requestHealing', { stepId: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'stepId' } });
  });

  it('raising a monitor timeout and re-checking it; a rejected request applies nothing', async () => {
    const { core } = setup();
    const t = await target();
    const m = core.guardian.add({ type: 'http', url: t.url, name: 'api' });
    await core.guardian.checkOne(m.id);
    const recheck = `recheck_monitor:${m.id}`;

    // applied, but the re-check finds it still DOWN: a bad outcome, whatever `ok` says
    const stillDown = core.guardian.requestHealing(recheck);
    core.approvals.approve(stillDown.id);
    await core.approvals.settled();
    expect(core.approvals.get(stillDown.id).outcome).toMatchObject({ ok: true, result: 'bad', message: expect.stringMatching(/^re-checked: "api" is DOWN/) });

    const rejected = core.guardian.requestHealing(recheck);
    t.set(200);
    core.approvals.reject(rejected.id, { reason: 'later' });
    await core.approvals.settled();
    expect(core.guardian.get(m.id).state).toBe('DOWN');
    expect(core.approvals.get(rejected.id).outcome).toMatchObject({ ok: true, result: 'none', message: 'not applied: the approval was rejected' });
    expect(core.approvals.auditFor('guardian.healing', recheck)).toEqual([expect.objectContaining({ mode: 'real', decision: 'approved' }), expect.objectContaining({ mode: 'blocked', decision: 'rejected' })]);

    const approved = core.guardian.requestHealing(recheck);
    expect(approved.id).not.toBe(rejected.id);
    core.approvals.approve(approved.id);
    await core.approvals.settled();
    expect(core.guardian.get(m.id).state).toBe('UP');
    expect(core.approvals.get(approved.id).outcome).toMatchObject({ ok: true, result: 'good', message: 're-checked: "api" is UP: HTTP 200' });
  });

  it('a request whose finding clears (the monitor is UP again) is cancelled: the inbox no longer asks for it', async () => {
    const { core } = setup();
    const t = await target();
    const m = core.guardian.add({ type: 'http', url: t.url, name: 'shop' });
    await core.guardian.checkOne(m.id);
    const asked = core.guardian.requestHealing(`recheck_monitor:${m.id}`);
    expect(core.guardian.closeResolvedHealing()).toEqual([]); // still DOWN: still needed

    t.set(200);
    await core.guardian.checkAll();
    expect(core.guardian.get(m.id).state).toBe('UP');
    expect(core.approvals.get(asked.id)).toMatchObject({ status: 'cancelled', decidedBy: 'Guardian', reason: expect.stringContaining('finding cleared') });
    expect(core.approvals.list({ status: 'pending', limit: 10 })).toEqual([]);
    expect(core.guardian.healingPlan().steps).toEqual([]);
  });

  it('a request nobody decides on expires: nothing applied', async () => {
    const { core, clock } = setup();
    const { workflowId } = await flakyWorkflow(core);
    const a = core.guardian.requestHealing(`pause_flapping_workflow:${workflowId}`);
    clock.advance(healingApprovalTimeoutMs);
    expect(core.approvals.sweepExpired().map((x) => x.id)).toEqual([a.id]);
    await core.approvals.settled();
    expect(core.workflows.get(workflowId).enabled).toBe(true);
    expect(core.approvals.get(a.id)).toMatchObject({ status: 'expired', outcome: { message: 'not applied: the approval was expired' } });
  });
});
