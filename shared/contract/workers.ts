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
  'workers.enqueue': procedure({
    summary: 'Queue a run of a saved workflow for the workers (queue.mode on): the workflow is published first, the run created in the shared store and its job queued.',
    input: z.object({ workflowId: z.string().min(1, 'is required'), input: z.unknown().optional() }).strict(),
    output: z.object({ runId: z.string() }),
  }),
};
