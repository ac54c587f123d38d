import { hostname } from 'node:os';
import { appVersion } from '../../../shared/version';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { latestRemoteVersion, parsePostgresUrl, RemoteDb } from '../remote';
import { QueueWorker, type SharedRunDriver } from './worker';

export interface StartWorkerOptions {
  url: string;
  concurrency: number;
  queues: readonly string[];
  leaseMs: number;
  pollSeconds: number;
  log: Logger;
  say: (text: string) => void;
  clock: Clock;
  /** The process's workflow engine: the one engine, here over the shared store. */
  engine: { sharedRuns(remote: RemoteDb, options: { leaseMs: number; schemaVersion: number }): SharedRunDriver; close(): void };
}

/** Where the worker connects, as it may be printed: host, port and database, never the user or password. */
export function databaseHost(url: string): string {
  const u = parsePostgresUrl(url);
  if (!u) return '(not a postgres:// URL)';
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** Connects (migrating the remote schema), registers and starts a queue worker. */
export async function startQueueWorker(o: StartWorkerOptions): Promise<{ worker: QueueWorker; close: () => Promise<void> }> {
  const remote = new RemoteDb({ url: () => o.url, log: o.log, clock: o.clock, poolMax: Math.max(4, o.concurrency + 2) });
  await remote.check();
  const driver = o.engine.sharedRuns(remote, { leaseMs: o.leaseMs, schemaVersion: latestRemoteVersion });
  const worker = new QueueWorker({
    url: o.url,
    remote,
    driver,
    closeEngine: () => o.engine.close(),
    identity: { host: hostname(), version: appVersion, schemaVersion: latestRemoteVersion, queues: o.queues, concurrency: o.concurrency },
    log: o.log,
    say: o.say,
    leaseMs: o.leaseMs,
    tuning: { pollSeconds: o.pollSeconds },
  });
  await worker.start();
  return { worker, close: () => remote.close() };
}
