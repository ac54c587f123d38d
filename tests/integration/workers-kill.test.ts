import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, levqorAsync } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { latestRemoteVersion } from '../../src-main/core/remote/migrations';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { dispatcherCall } from '../helpers/dispatcher-call';
import { usePostgres } from '../helpers/postgres';
import { controlPlane, spawnWorker, stepTarget, twoCallsWorkflow, type ControlPlane, type StepTarget, type WorkerProcess } from '../helpers/workers/fleet';

beforeAll(assertBuilt);

const pg = usePostgres();
let url: string;
let plane: ControlPlane;
let target: StepTarget;
const workers: WorkerProcess[] = [];
// npm test kills 5 times; `npm run faults:workers` kills 50 times (docs/workers.md)
const kills = Number(process.env.LEVQOR_WORKER_KILLS ?? 5);
const runCount = Math.max(16, kills * 3);

beforeAll(async () => {
  url = await pg.createDatabase('workers_kill');
  plane = await controlPlane(url);
  // each call takes a while, so kills land in the middle of steps
  target = await stepTarget(pg, 'workers_kill', 60);
}, 60_000);

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await plane?.close();
  await target?.close();
});

const runStatuses = async (ids: string[]) => (await pg.query<{ id: string; status: string }>('SELECT id, status FROM levqor_runs WHERE id = ANY($1)', [ids], 'workers_kill'));

describe('levqor worker on pg-boss', () => {
  it('says where it works (never the password) and heartbeats into levqor_workers', async () => {
    const w = await spawnWorker(url);
    workers.push(w);
    expect(w.startLine).toMatch(/queues levqor-runs, concurrency 2, database 127\.0\.0\.1:\d+\/workers_kill/);
    expect(w.output()).not.toContain('levqor-test-pw');
    await expect.poll(async () => (await pg.query('SELECT id FROM levqor_workers WHERE stopped_at IS NULL', [], 'workers_kill')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // the app lists it from its own database.url
    const listed = await levqorAsync(['--data-dir', tempDir('levqor-workers-list-'), 'workers', '--json'], { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'e'.repeat(64) });
    expect(listed.code, listed.stderr).toBe(0);
    const { workers: found } = JSON.parse(listed.stdout) as { workers: { id: string; queues: string[]; concurrency: number; jobsRunning: number; lastHeartbeat: number; stopped: boolean }[] };
    expect(found).toContainEqual(expect.objectContaining({ id: w.startLine.split(' ')[2]?.replace(/:$/, ''), queues: ['levqor-runs'], concurrency: 2, jobsRunning: 0, stopped: false }));
  });

  it('kill -9 of workers during runs: no run lost, no finished step run again', async () => {
    const workflowId = await plane.publish(twoCallsWorkflow(target.url));
    const ids: string[] = [];
    for (let i = 0; i < runCount; i++) ids.push((await plane.enqueue(workflowId, { i })) as string);
    workers.push(await spawnWorker(url));
    for (let kill = 0; kill < kills; kill++) {
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 400)));
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0] as WorkerProcess;
      victim.child.kill('SIGKILL');
      await victim.exited;
      workers.push(await spawnWorker(url));
    }
    await expect.poll(async () => (await runStatuses(ids)).filter((r) => r.status === 'succeeded').length, { timeout: 40_000 + kills * 1_000, interval: 250 }).toBe(ids.length);
    expect(target.rerunsOfFinished).toEqual([]);
    const steps = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM levqor_run_steps WHERE run_id = ANY($1) AND status = 'succeeded'`, [ids], 'workers_kill');
    expect(Number(steps[0]?.n)).toBe(ids.length * 4);
  }, 90_000 + kills * 3_000);

  it('Postgres restarted during the load: the workers reconnect and finish every run', async () => {
    const workflowId = await plane.publish(twoCallsWorkflow(target.url, 'through a restart'));
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push((await plane.enqueue(workflowId, { i })) as string);
    await expect.poll(async () => (await runStatuses(ids)).filter((r) => r.status === 'succeeded').length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
    const unfinished = (await runStatuses(ids)).filter((r) => r.status !== 'succeeded').length;
    await pg.kill();
    await new Promise((r) => setTimeout(r, 500));
    await pg.start();
    expect(unfinished).toBeGreaterThan(0);
    await expect.poll(async () => (await runStatuses(ids)).filter((r) => r.status === 'succeeded').length, { timeout: 45_000, interval: 250 }).toBe(ids.length);
    expect(target.rerunsOfFinished).toEqual([]);
  }, 60_000);

  it('refuses a job queued with a newer schema and says so', async () => {
    const workflowId = await plane.publish(twoCallsWorkflow(target.url, 'from the future'));
    const runId = (await plane.enqueue(workflowId, {}, { schema: 999 })) as string;
    // whichever worker takes the job says so
    await expect.poll(() => workers.map((w) => w.output()).join('\n'), { timeout: 15_000 }).toContain(`run ${runId} was queued with remote schema 999, newer than this worker`);
    expect((await runStatuses([runId]))[0]?.status).toBe('queued');
  }, 30_000);

  it('two workers racing for the same slot: one run', async () => {
    const workflowId = await plane.publish(twoCallsWorkflow(target.url, 'every minute'));
    const slot = `cron:${workflowId}:${Date.UTC(2026, 11, 7, 18, 0)}`;
    const [first, second] = await Promise.all([plane.enqueue(workflowId, {}, { dedupeKey: slot }), plane.enqueue(workflowId, {}, { dedupeKey: slot })]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const runs = await pg.query<{ id: string }>('SELECT id FROM levqor_runs WHERE dedupe_key = $1', [slot], 'workers_kill');
    expect(runs).toHaveLength(1);
    await expect.poll(async () => (await runStatuses([runs[0]!.id]))[0]?.status, { timeout: 15_000 }).toBe('succeeded');
  }, 30_000);

  it('the app as control plane: queue.mode on publishes saved workflows, workers.enqueue runs one on a worker', async () => {
    const call = dispatcherCall(createDispatcher(plane.core));
    const { id } = plane.core.workflows.save(undefined, twoCallsWorkflow(target.url, 'from the app'), true);
    await expect(call('workers.enqueue', { workflowId: id })).rejects.toThrow(/queue\.mode: is off/);
    await expect(call('settings.set', { key: 'queue.mode', value: 'maybe' })).rejects.toThrow(/Queue mode must be off .* or on/);
    expect(await call('workers.preflight', {})).toEqual({ ready: true, schemaVersion: latestRemoteVersion, problems: [] });
    await call('settings.set', { key: 'queue.mode', value: 'on' });
    await plane.core.queue.settled();
    expect(await pg.query('SELECT enabled FROM levqor_workflows WHERE id = $1', [id], 'workers_kill')).toEqual([{ enabled: true }]);
    const { runId } = await call('workers.enqueue', { workflowId: id, input: { from: 'app' } });
    await expect.poll(async () => (await runStatuses([runId]))[0]?.status, { timeout: 15_000 }).toBe('succeeded');
    await call('settings.set', { key: 'queue.mode', value: 'off' });
  }, 30_000);

  it('SIGTERM stops taking jobs, finishes or hands back its runs, and marks the worker stopped', async () => {
    const w = workers.pop() as WorkerProcess;
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    const stopped = await pg.query('SELECT id FROM levqor_workers WHERE stopped_at IS NOT NULL', [], 'workers_kill');
    expect(stopped.length).toBeGreaterThan(0);
  }, 30_000);
});
