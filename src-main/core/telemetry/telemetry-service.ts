import { endpointStats } from './rollup-read';
import { quantile } from './histogram';
import type { Anomaly, DailyReport, SyncResult, TelemetryGroup } from '../../../shared/contract/telemetry';
import type { AnomalyKind } from '../../../shared/telemetry';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { RemoteDb } from '../remote';
import type { SettingsService } from '../settings';
import { AnomalyStore } from './anomaly-store';
import { appLogRow, type AppLogTee } from './app-log-tee';
import { runDetectors } from './detectors';
import { appLogTotals, requestTotals, type AppLogTotals, type RequestTotals } from './health-signals';
import { TelemetryIngest, type IngestResult } from './ingest';
import { parseBatchText, parseNdjsonFile } from './parse-batch';
import { every } from '../periodic';
import { nodeBits, rowIdSql } from './made-id';
import { queryGroups, queryRows, type GroupQuery } from './query';
import type { RowQuery } from './row-filter';
import { dailyReport } from './report';
import { prune, type PruneResult } from './retention';
import { Origin, type TelemetryRow } from './row';
import { series, type SeriesQuery } from './series';
import { TelemetrySync } from './sync';
import { SyncState } from './sync-state';

export interface TelemetryDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  events: EventBus;
  settings: SettingsService;
  remote: RemoteDb;
}

export type IngestVia = 'api' | 'http' | 'file';

/** SQLite page cache for the app's connection, in KiB. */
export const telemetryCacheKiB = 32 * 1024;

/** The telemetry capability: ingest, query, detect, report, retain and sync. */
export class TelemetryService {
  readonly anomalyStore: AnomalyStore;
  readonly syncer: TelemetrySync;
  private readonly ingester: TelemetryIngest;
  private tee: AppLogTee | undefined;
  /** SQL for a telemetry_logs row's id, stored or made (made-id.ts): `SELECT ${rowId} AS id …`. */
  readonly rowId: string;

  constructor(private readonly deps: TelemetryDeps) {
    // telemetry indexes outgrow SQLite's 2 MB default page cache at a few hundred thousand rows
    deps.db.pragma(`cache_size = -${telemetryCacheKiB}`);
    const state = new SyncState(deps.db);
    // made ids are read from ts, seq and the node id, so the node id exists before the first row
    const node = nodeBits(state.nodeId(deps.clock.now()));
    this.ingester = new TelemetryIngest(deps.db, node);
    this.anomalyStore = new AnomalyStore(deps.db);
    this.rowId = rowIdSql(node);
    this.syncer = new TelemetrySync({ ...deps, ingest: this.ingester, state, rowId: this.rowId });
  }

  /** A batch as text (NDJSON or a JSON array): all rows stored, or none. */
  ingestText(body: string, via: IngestVia = 'api'): IngestResult {
    return this.done(this.ingester.ingest(parseBatchText(body), this.context()), via);
  }

  /** An NDJSON file of any size, streamed, in one transaction: all rows stored, or none. */
  ingestFile(path: string): IngestResult {
    return this.done(this.ingester.ingest(parseNdjsonFile(path), this.context()), 'file');
  }

  /** Rows already in memory (parsed JSON objects): all stored, or none. */
  ingestValues(values: unknown[], via: IngestVia = 'api'): IngestResult {
    return this.done(this.ingester.ingest({ unit: 'row', values }, this.context()), via);
  }

  query(q: RowQuery) {
    return queryRows(this.deps.db, q, this.deps.clock.now(), this.rowId);
  }

  groups(q: GroupQuery): TelemetryGroup[] {
    return queryGroups(this.deps.db, q, this.deps.clock.now());
  }

  series(q: SeriesQuery) {
    return series(this.deps.db, q, this.deps.clock.now());
  }

  /** Runs every detector now; new anomalies are announced. */
  detect(): Anomaly[] {
    const now = this.deps.clock.now();
    const findings = runDetectors(this.deps.db, now, { slo: this.deps.settings.get('telemetry.slo'), slowP95Ms: this.deps.settings.get('telemetry.slowP95Ms') });
    const { current, fresh } = this.anomalyStore.record(findings, now);
    for (const a of fresh) this.deps.events.emit('telemetry.anomaly', a);
    return current;
  }

  /** The founder's requests since `from` (the app's own API calls left out): count, 5xx answers, p95. */
  requests(from: number): RequestTotals {
    const now = this.deps.clock.now();
    return requestTotals(this.deps.db, from, now + 1, now);
  }

  /** The app's own error and warning log lines since `from`: a signal apart from the founder's traffic. */
  appLog(from: number): AppLogTotals {
    const now = this.deps.clock.now();
    return appLogTotals(this.deps.db, from, now + 1, now);
  }

  /** Each endpoint's requests and p95 over [from, to) from the day rollups (whole UTC days), the timed ones only. */
  endpointLatency(from: number, to: number): { endpoint: string; method: string; requests: number; p95Ms: number }[] {
    return [...endpointStats(this.deps.db, 'day', from, to).values()]
      .filter((s) => s.durN > 0)
      .map((s) => ({ endpoint: s.endpoint, method: s.method, requests: s.n, p95Ms: Math.round(quantile(s.hist, 0.95) * 10) / 10 }));
  }

  anomalies(q: { since?: number; until?: number; kind?: AnomalyKind; limit: number }): Anomaly[] {
    return this.anomalyStore.list(q);
  }

  report(date?: string): DailyReport {
    return dailyReport(this.deps.db, this.anomalyStore, date, this.deps.clock.now());
  }

  prune(): PruneResult {
    const result = prune(this.deps.db, this.deps.clock.now(), this.deps.settings.get('telemetry.retentionDays'));
    if (result.rows > 0) this.deps.log.info(result, 'telemetry pruned');
    return result;
  }

  sync(): Promise<SyncResult> {
    return this.syncer.run();
  }

  cancelSync(): boolean {
    return this.syncer.cancel();
  }

  lag() {
    return this.syncer.lag(this.deps.clock.now());
  }

  /** The app's own log lines become telemetry rows (source `app`), drained on a timer. */
  attachAppLogs(tee: AppLogTee): void {
    this.tee = tee;
    tee.enable();
  }

  /** Stores the app log lines gathered since the last call. */
  flushAppLogs(): number {
    const lines = this.tee?.drain() ?? [];
    if (lines.length === 0) return 0;
    const rows: TelemetryRow[] = [];
    for (const line of lines) {
      const row = appLogRow(line);
      if (row) rows.push(row);
    }
    const { accepted } = this.ingester.insertRows(rows, Origin.Local);
    if (accepted > 0) this.deps.events.emit('telemetry.ingested', { accepted, via: 'app' });
    return accepted;
  }

  /** What `levqor serve` and the desktop app run: sync, detectors, retention, app-log drain. */
  backgroundTasks(): BackgroundTask[] {
    const { settings, remote, log } = this.deps;
    const sync = every('telemetry.sync', () => (remote.configured ? settings.get('telemetry.syncIntervalSeconds') * 1000 : 0), () => this.sync(), log, 2_000);
    return [
      { name: sync.name, start: () => {
        const stop = sync.start();
        return async () => {
          this.cancelSync();
          await stop?.();
        };
      } },
      every('telemetry.app-logs', () => 2_000, () => this.flushAppLogs(), log),
      every('telemetry.detect', () => 60_000, () => this.detect(), log, 30_000),
      every('telemetry.retention', () => 3_600_000, () => this.prune(), log, 60_000),
    ];
  }

  private context() {
    return { now: this.deps.clock.now(), defaultSource: 'ingest' };
  }

  private done(result: IngestResult, via: IngestVia): IngestResult {
    if (result.accepted > 0) this.deps.events.emit('telemetry.ingested', { accepted: result.accepted, via });
    return result;
  }
}
