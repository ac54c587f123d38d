import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { addTo, bucketOf, decode, encode, merge, type Histogram } from './histogram';
import { day, floorTo, hour, minute, type TelemetryRow } from './row';

export type Grain = 'minute' | 'hour' | 'day';
export const grainMs: Record<Grain, number> = { minute, hour, day };
export const grains: Grain[] = ['minute', 'hour', 'day'];

interface LevelAgg {
  bucket: number;
  level: string;
  n: number;
}
interface FingerprintAgg {
  bucket: number;
  fingerprint: string;
  n: number;
}
interface EndpointAgg {
  bucket: number;
  endpoint: string;
  method: string;
  n: number;
  errors: number;
  durN: number;
  durSum: number;
  durMax: number;
  hist: Histogram;
}
interface GroupAgg {
  fingerprint: string;
  level: string;
  source: string;
  sample: string;
  first: number;
  last: number;
  n: number;
}

/**
 * Per-minute aggregates of the rows stored in one batch; `RollupWriter.flush` folds them
 * into the minute, hour and day rollups and the fingerprint groups. Only rows actually
 * inserted are added, so a re-sent row never counts twice.
 */
export class RollupAccumulator {
  readonly levels = new Map<string, LevelAgg>();
  readonly fingerprints = new Map<string, FingerprintAgg>();
  readonly endpoints = new Map<string, EndpointAgg>();
  readonly groups = new Map<string, GroupAgg>();
  size = 0;

  add(row: TelemetryRow): void {
    this.size++;
    const bucket = floorTo(row.ts, minute);
    const lk = bucket + '|' + row.level;
    const l = this.levels.get(lk);
    if (l) l.n++;
    else this.levels.set(lk, { bucket, level: row.level, n: 1 });

    const fk = bucket + '|' + row.fingerprint;
    const f = this.fingerprints.get(fk);
    if (f) f.n++;
    else this.fingerprints.set(fk, { bucket, fingerprint: row.fingerprint, n: 1 });

    const g = this.groups.get(row.fingerprint);
    if (!g) this.groups.set(row.fingerprint, { fingerprint: row.fingerprint, level: row.level, source: row.source, sample: row.message, first: row.ts, last: row.ts, n: 1 });
    else {
      g.n++;
      if (row.ts < g.first) g.first = row.ts;
      if (row.ts >= g.last) {
        g.last = row.ts;
        g.sample = row.message;
        g.source = row.source;
      }
    }

    if (row.endpoint !== null && (row.status !== null || row.duration_ms !== null)) {
      const method = row.method ?? '';
      const ek = bucket + '|' + method + '|' + row.endpoint;
      let e = this.endpoints.get(ek);
      if (!e) {
        e = { bucket, endpoint: row.endpoint, method, n: 0, errors: 0, durN: 0, durSum: 0, durMax: 0, hist: new Map() };
        this.endpoints.set(ek, e);
      }
      if (row.status !== null) {
        e.n++;
        if (row.status >= 500) e.errors++;
      }
      if (row.duration_ms !== null) {
        e.durN++;
        e.durSum += row.duration_ms;
        if (row.duration_ms > e.durMax) e.durMax = row.duration_ms;
        addTo(e.hist, bucketOf(row.duration_ms));
      }
    }
  }

  clear(): void {
    this.levels.clear();
    this.fingerprints.clear();
    this.endpoints.clear();
    this.groups.clear();
    this.size = 0;
  }
}

/** Writes accumulated aggregates; call inside the transaction that stored the rows. */
export class RollupWriter {
  private readonly level: Statement;
  private readonly fingerprint: Statement;
  private readonly endpointRead: Statement;
  private readonly endpoint: Statement;
  private readonly group: Statement;

  constructor(db: Db) {
    this.level = db.prepare('INSERT INTO telemetry_rollup_levels (grain, bucket, level, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
    this.fingerprint = db.prepare('INSERT INTO telemetry_rollup_fingerprints (grain, bucket, fingerprint, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
    this.endpointRead = db.prepare('SELECT hist FROM telemetry_rollup_endpoints WHERE grain = ? AND bucket = ? AND endpoint = ? AND method = ?').pluck();
    this.endpoint = db.prepare(
      `INSERT INTO telemetry_rollup_endpoints (grain, bucket, endpoint, method, n, errors, dur_n, dur_sum, dur_max, hist) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n, errors = errors + excluded.errors, dur_n = dur_n + excluded.dur_n,
         dur_sum = dur_sum + excluded.dur_sum, dur_max = max(dur_max, excluded.dur_max), hist = excluded.hist`,
    );
    this.group = db.prepare(
      `INSERT INTO telemetry_groups (fingerprint, level, source, sample, first_seen, last_seen, n) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n, first_seen = min(first_seen, excluded.first_seen),
         sample = CASE WHEN excluded.last_seen >= last_seen THEN excluded.sample ELSE sample END,
         source = CASE WHEN excluded.last_seen >= last_seen THEN excluded.source ELSE source END,
         level = CASE WHEN excluded.last_seen >= last_seen THEN excluded.level ELSE level END,
         last_seen = max(last_seen, excluded.last_seen)`,
    );
  }

  flush(acc: RollupAccumulator): void {
    if (acc.size === 0) return;
    for (const grain of grains) {
      const size = grainMs[grain];
      for (const l of regroup(acc.levels.values(), size, (a) => a.level, (into, from) => (into.n += from.n))) this.level.run(grain, l.bucket, l.level, l.n);
      for (const f of regroup(acc.fingerprints.values(), size, (a) => a.fingerprint, (into, from) => (into.n += from.n))) {
        this.fingerprint.run(grain, f.bucket, f.fingerprint, f.n);
      }
      const endpoints = regroup(acc.endpoints.values(), size, (a) => a.method + '|' + a.endpoint, (into, from) => {
        into.n += from.n;
        into.errors += from.errors;
        into.durN += from.durN;
        into.durSum += from.durSum;
        into.durMax = Math.max(into.durMax, from.durMax);
        merge(into.hist, from.hist);
      });
      for (const e of endpoints) {
        const stored = this.endpointRead.get(grain, e.bucket, e.endpoint, e.method) as string | undefined;
        const hist = stored ? merge(decode(stored), e.hist) : e.hist;
        this.endpoint.run(grain, e.bucket, e.endpoint, e.method, e.n, e.errors, e.durN, e.durSum, e.durMax, encode(hist));
      }
    }
    for (const g of acc.groups.values()) this.group.run(g.fingerprint, g.level, g.source, g.sample.slice(0, 2000), g.first, g.last, g.n);
    acc.clear();
  }
}

/** Folds minute aggregates into buckets of `size`, copying so the minute ones stay intact. */
function regroup<T extends { bucket: number }>(items: Iterable<T>, size: number, key: (a: T) => string, add: (into: T, from: T) => void): Iterable<T> {
  if (size === minute) return items;
  const out = new Map<string, T>();
  for (const item of items) {
    const bucket = floorTo(item.bucket, size);
    const k = bucket + '|' + key(item);
    const existing = out.get(k);
    if (existing) add(existing, item);
    else {
      const copy = { ...item, bucket } as T;
      if ('hist' in copy) (copy as unknown as EndpointAgg).hist = new Map((item as unknown as EndpointAgg).hist);
      out.set(k, copy);
    }
  }
  return out.values();
}
