/** The pg-boss queue of workflow runs: each job is `{ runId, schema }`, one run to claim and drive. */
export const runsQueue = 'levqor-runs';

/** The queues a worker may be told to take (`--queues`); all of them by default. */
export const workerQueues = [runsQueue] as const;
export type WorkerQueue = (typeof workerQueues)[number];

/** A run job's data: the run and the remote schema the sender wrote it with. */
export interface RunJob {
  runId: string;
  schema: number;
}

/** Why a worker refuses a job: it comes from a newer schema than this build knows. */
export function newerSchemaRefusal(job: RunJob, known: number): string | undefined {
  if (!Number.isInteger(job.schema) || job.schema <= known) return undefined;
  return `run ${job.runId} was queued with remote schema ${job.schema}, newer than this worker's ${known}: upgrade this worker (it leaves the job for a newer one)`;
}
