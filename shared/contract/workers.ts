import { z } from 'zod';
import { procedure } from './procedure';
import { epochMs, noInput } from './common';

/** One queue worker as the shared Postgres knows it (levqor_workers): never its database URL. */
export const workerInfoSchema = z.object({
  id: z.string(),
  host: z.string(),
  version: z.string(),
  queues: z.array(z.string()),
  concurrency: z.number().int(),
  lastHeartbeat: epochMs,
  jobsRunning: z.number().int(),
  /** Jobs finished per second over its last heartbeat interval. */
  throughput: z.number(),
  /** It stopped on SIGTERM (a worker killed outright still shows its last heartbeat). */
  stopped: z.boolean(),
});
export type WorkerInfo = z.infer<typeof workerInfoSchema>;

/** One run of the shared store (levqor_runs) as the Workers view lists it. */
export const sharedRunInfoSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  trigger: z.string(),
  status: z.string(),
  /** The last worker that claimed it; null while nobody has. */
  worker: z.string().nullable(),
  createdAt: epochMs,
  startedAt: epochMs.nullable(),
  /** From its start to its end; null while it has not ended. */
  durationMs: z.number().int().nullable(),
});
export type SharedRunInfo = z.infer<typeof sharedRunInfoSchema>;

export const workersProcedures = {
  'workers.list': procedure({
    summary: 'The queue workers the shared Postgres knows (database.url): id, host, version, queues, concurrency, last heartbeat, jobs running, throughput.',
    input: noInput,
    output: z.object({ workers: z.array(workerInfoSchema) }),
  }),
  'workers.preflight': procedure({
    summary: 'Whether queue mode can work: the shared Postgres (database.url) configured, reachable and its schema migrated to this build\u2019s; each problem names what to fix.',
    input: noInput,
    output: z.object({ ready: z.boolean(), schemaVersion: z.number().int().optional(), problems: z.array(z.string()) }),
  }),
  'workers.runs': procedure({
    summary: 'The most recent runs of the shared store (database.url), newest first: workflow, status, the worker that drove it, start and duration.',
    input: z.object({ limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').optional() }).strict(),
    output: z.object({ runs: z.array(sharedRunInfoSchema) }),
  }),
  'workers.enqueue': procedure({
    summary: 'Queue a run of a saved workflow for the workers (queue.mode on): the workflow is published first, the run created in the shared store and its job queued.',
    input: z.object({ workflowId: z.string().min(1, 'is required'), input: z.unknown().optional() }).strict(),
    output: z.object({ runId: z.string() }),
  }),
};
