import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { assertBuilt, levqorAsync } from '../helpers/cli';
import { dispatcherCall } from '../helpers/dispatcher-call';
import { usePostgres } from '../helpers/postgres';
import { spawnWorker, type WorkerProcess } from '../helpers/workers/spawn-worker';

/**
 * Schedules owned by pg-boss while queue mode is on: the app and two real worker processes
 * (every one of them checking pg-boss's schedules each second or two) race for each slot of a
 * per-minute cron, and each slot becomes one run; the app's own scheduler fires none.
 */
beforeAll(assertBuilt);

const pg = usePostgres();
const dir = mkdtempSync(join(tmpdir(), 'levqor-cron-app-'));
let url: string;
let core: Core;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  url = await pg.createDatabase('workers_cron');
  core = createCore({ dataDir: dir, env: { LEVQOR_SECRET_KEY: 'e'.repeat(64), LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DATABASE_URL: url }, logToFile: false });
  await core.remote.check();
  core.engine.startBackground();
}, 60_000);

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await core?.queue.close();
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const schedules = async () => pg.query<{ name: string; cron: string; timezone: string }>("SELECT name, cron, timezone FROM pgboss.schedule WHERE name LIKE 'levqor-cron-%'", [], 'workers_cron');
const cronRuns = async (workflowId: string) =>
  pg.query<{ id: string; status: string; scheduled_for: string; ran_by: string | null }>("SELECT id, status, scheduled_for, ran_by FROM levqor_runs WHERE workflow_id = $1 AND trigger = 'cron' ORDER BY scheduled_for", [workflowId], 'workers_cron');

describe('schedules owned by pg-boss in queue mode', () => {
  it('two workers and the app racing for each slot of a per-minute cron: one run per slot, none locally; off or disabled removes the schedule', async () => {
    const call = dispatcherCall(createDispatcher(core));
    const { id } = core.workflows.save(undefined, { name: 'every minute', trigger: { type: 'cron', expr: '* * * * *', timezone: 'Europe/Paris' }, nodes: [{ id: 'l', type: 'log', params: { message: 'tick' } }], edges: [] }, true);
    await call('settings.set', { key: 'queue.mode', value: 'on' });
    await core.queue.settled();
    expect(await schedules()).toEqual([{ name: `levqor-cron-${id}`, cron: '* * * * *', timezone: 'Europe/Paris' }]);

    const started = Date.now();
    workers.push(...(await Promise.all([spawnWorker(url), spawnWorker(url)])));
    await expect.poll(async () => (await cronRuns(id)).map((r) => r.status), { timeout: 20_000 }).toContain('succeeded');
    // a little longer: a second job or a second creation for the same slot would show now
    await new Promise((r) => setTimeout(r, 3_000));
    const runs = await cronRuns(id);
    const slots = new Set(runs.map((r) => r.scheduled_for));
    expect(slots.size).toBe(runs.length);
    // the slots are whole minutes since the test began, one run each
    expect(runs.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 60_000) + 1);
    for (const r of runs) expect(Number(r.scheduled_for) % 60_000).toBe(0);
    expect(workers.map((w) => w.startLine.split(' ')[2]?.replace(/:$/, ''))).toContain(runs.find((r) => r.status === 'succeeded')?.ran_by);
    // the app's own scheduler fired nothing: every run of this workflow is in the shared store
    expect((await call('runs.list', { workflowId: id })).runs).toEqual([]);
    // the Workers view's list: the slot's run with the worker that drove it
    const listed = await levqorAsync(['--data-dir', dir, 'workers', 'runs', '--json', '--limit', '5'], { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'e'.repeat(64) });
    expect(listed.code, listed.stderr).toBe(0);
    const succeeded = runs.find((r) => r.status === 'succeeded');
    expect((JSON.parse(listed.stdout) as { runs: unknown[] }).runs).toContainEqual(
      expect.objectContaining({ id: succeeded?.id, workflowId: id, workflowName: 'every minute', trigger: 'cron', status: 'succeeded', worker: succeeded?.ran_by, durationMs: expect.any(Number) }),
    );
    const refused = await levqorAsync(['--data-dir', dir, 'workers', 'runs', '--limit', '500'], { LEVQOR_DATABASE_URL: url, LEVQOR_SECRET_KEY: 'e'.repeat(64) });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/limit/);

    await call('workflows.setEnabled', { id, enabled: false });
    await core.queue.settled();
    expect(await schedules()).toEqual([]);
    await call('workflows.setEnabled', { id, enabled: true });
    await core.queue.settled();
    expect(await schedules()).toHaveLength(1);
    await call('settings.set', { key: 'queue.mode', value: 'off' });
    await core.queue.settled();
    expect(await schedules()).toEqual([]);
  }, 45_000);
});
