import type PgBoss from 'pg-boss';
import { lazyPackage } from '../lazy-package';
import { runsQueue, type RunJob } from './queues';

export interface BossTuning {
  /** How often an idle worker asks for a job (pg-boss's polling; at least 0.5 s). */
  pollSeconds: number;
}

/** Loaded when queue mode first talks to the queue: the app and most commands never need it. */
const loadPgBoss = lazyPackage<typeof PgBoss>('pg-boss');

export const defaultBossTuning: BossTuning = { pollSeconds: 2 };

/**
 * pg-boss on the shared Postgres, its own schema `pgboss`, the runs queue created. `connection`
 * is a URL (a worker) or a query function over a pool the caller owns (the app's RemoteDb).
 */
export async function startBoss(connection: string | PgBoss.Db, name: string, onError: (err: Error) => void, tuning: BossTuning = defaultBossTuning): Promise<PgBoss> {
  const Boss = loadPgBoss();
  // every process checks the schedules (one of them sends each slot) as often as it polls
  const cronSeconds = Math.min(45, Math.max(1, Math.round(tuning.pollSeconds)));
  const boss = new Boss({
    ...(typeof connection === 'string' ? { connectionString: connection, application_name: name, max: 4 } : { db: connection, supervise: false }),
    schedule: true,
    cronMonitorIntervalSeconds: cronSeconds,
    cronWorkerIntervalSeconds: cronSeconds,
  });
  boss.on('error', onError);
  await boss.start();
  // a job is claimed once (SKIP LOCKED); `short` keeps one waiting job per run (its singleton key)
  if (!(await boss.getQueue(runsQueue))) {
    await boss.createQueue(runsQueue, { name: runsQueue, policy: 'short', retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 15 * 60 });
  }
  return boss;
}

/** Queues a run's job (at most one waiting per run); `startAfter` for a run parked until then. */
export function sendRunJob(boss: PgBoss, job: RunJob, startAfter?: number): Promise<string | null> {
  return boss.send(runsQueue, { ...job }, { singletonKey: job.runId, ...(startAfter !== undefined ? { startAfter: new Date(startAfter) } : {}) });
}
