import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type PgBoss from 'pg-boss';
import { createCore, type Core } from '../../../src-main/core';
import { RemoteDb, latestRemoteVersion } from '../../../src-main/core/remote';
import { sendRunJob, startBoss } from '../../../src-main/core/workers';
import type { TestPostgres } from '../postgres';

export { spawnWorker, type WorkerProcess } from './spawn-worker';

/**
 * The control plane of a test: a real core (the app) publishing workflows and queueing runs on
 * the shared Postgres through the same engine and pg-boss the workers use.
 */
export interface ControlPlane {
  core: Core;
  boss: PgBoss;
  publish(document: unknown): Promise<string>;
  enqueue(workflowId: string, input?: unknown, options?: { dedupeKey?: string; schema?: number }): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function controlPlane(url: string): Promise<ControlPlane> {
  const dir = mkdtempSync(join(tmpdir(), 'levqor-control-'));
  const core = createCore({ dataDir: dir, env: { LEVQOR_SECRET_KEY: 'd'.repeat(64), LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_DATABASE_URL: url }, logToFile: false });
  const remote = new RemoteDb({ url: () => url, log: core.log, clock: core.clock });
  await remote.check();
  const shared = core.engine.sharedRuns(remote, { leaseMs: 2_000, schemaVersion: latestRemoteVersion });
  const boss = await startBoss(url, 'levqor-test', () => undefined);
  return {
    core,
    boss,
    async publish(document) {
      const { id } = core.workflows.save(undefined, document, true);
      await shared.publish(id);
      return id;
    },
    async enqueue(workflowId, input = {}, options = {}) {
      const runId = await shared.create(workflowId, 'manual', input, options.dedupeKey ? { dedupeKey: options.dedupeKey } : {});
      if (runId) await sendRunJob(boss, { runId, schema: options.schema ?? latestRemoteVersion });
      return runId;
    },
    async close() {
      await boss.stop({ graceful: false, wait: true });
      await remote.close();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A local HTTP target that notes every call by its Idempotency-Key and, before answering,
 * asks the shared store whether that step had already finished: such a call is a finished
 * step run again.
 */
export interface StepTarget {
  url: string;
  calls: Map<string, number>;
  rerunsOfFinished: string[];
  close(): Promise<void>;
}

export async function stepTarget(pg: TestPostgres, database: string, delayMs: number): Promise<StepTarget> {
  const calls = new Map<string, number>();
  const rerunsOfFinished: string[] = [];
  const server: Server = createServer((req, res) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const [runId, nodeId] = key.split(':');
    void pg
      .query<{ status: string }>('SELECT status FROM levqor_run_steps WHERE run_id = $1 AND node_id = $2', [runId, nodeId], database)
      .then((rows) => {
        if (rows[0]?.status === 'succeeded') rerunsOfFinished.push(key);
      })
      // Postgres restarting (a fault test): this call cannot be checked, and is answered anyway
      .catch(() => undefined)
      .finally(() =>
        setTimeout(() => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ ok: true }));
        }, delayMs),
      );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, calls, rerunsOfFinished, close: () => new Promise((r) => server.close(() => r())) };
}

/** manual → call a → call b → transform → log: two steps that reach outside, two that do not. */
export function twoCallsWorkflow(target: string, name = 'two calls'): unknown {
  return {
    name,
    trigger: { type: 'manual' },
    nodes: [
      { id: 'a', type: 'http.request', params: { url: `${target}/a` } },
      { id: 'b', type: 'http.request', params: { url: `${target}/b` } },
      { id: 't', type: 'transform', params: { expression: '{ "done": true }' } },
      { id: 'l', type: 'log', params: { message: 'done' } },
    ],
    edges: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 't' },
      { from: 't', to: 'l' },
    ],
  };
}
