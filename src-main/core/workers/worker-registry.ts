import type pg from 'pg';
import type { WorkerInfo } from '../../../shared/contract/workers';


export interface WorkerIdentity {
  id: string;
  host: string;
  version: string;
  schemaVersion: number;
  queues: readonly string[];
  concurrency: number;
}

/** The workers table (remote migration 0004): each worker's row, kept fresh by its heartbeat. */
export const workerRegistry = {
  async register(db: pg.Pool, w: WorkerIdentity): Promise<void> {
    await db.query(
      `INSERT INTO levqor_workers (id, host, version, schema_version, queues, concurrency, started_at, last_heartbeat)
       VALUES ($1, $2, $3, $4, $5, $6, now(), now())
       ON CONFLICT (id) DO UPDATE SET host = excluded.host, version = excluded.version, schema_version = excluded.schema_version,
         queues = excluded.queues, concurrency = excluded.concurrency, last_heartbeat = now(), stopped_at = NULL`,
      [w.id, w.host, w.version, w.schemaVersion, [...w.queues], w.concurrency],
    );
  },

  async beat(db: pg.Pool, id: string, jobsRunning: number, jobsDone: number, throughput: number): Promise<void> {
    await db.query('UPDATE levqor_workers SET last_heartbeat = now(), jobs_running = $2, jobs_done = $3, throughput = $4 WHERE id = $1', [id, jobsRunning, jobsDone, throughput]);
  },

  async stopped(db: pg.Pool, id: string): Promise<void> {
    await db.query('UPDATE levqor_workers SET stopped_at = now(), jobs_running = 0, last_heartbeat = now() WHERE id = $1', [id]);
  },

  /** Every worker the shared Postgres knows, the most recently heard first. */
  async list(db: pg.Pool): Promise<WorkerInfo[]> {
    const { rows } = await db.query<{ id: string; host: string; version: string; queues: string[]; concurrency: number; last_heartbeat: Date; jobs_running: number; throughput: number; stopped_at: Date | null }>(
      'SELECT id, host, version, queues, concurrency, last_heartbeat, jobs_running, throughput, stopped_at FROM levqor_workers ORDER BY last_heartbeat DESC, id',
    );
    return rows.map((r) => ({
      id: r.id,
      host: r.host,
      version: r.version,
      queues: r.queues,
      concurrency: r.concurrency,
      lastHeartbeat: r.last_heartbeat.getTime(),
      jobsRunning: r.jobs_running,
      throughput: r.throughput,
      stopped: r.stopped_at !== null,
    }));
  },
};
