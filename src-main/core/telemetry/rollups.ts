import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { addTo, bucketOf, decode, encode, merge, type Histogram } from './histogram';
import { appLogSource, day, floorTo, hour, minute, type TelemetryRow } from './row';

export type Grain = 'minute' | 'hour' | 'day';
export const grainMs: Record<Grain, number> = { minute, hour, day };
export const grains: Grain[] = ['minute', 'hour', 'day'];

interface EndpointAgg {
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

/** One bucket's counts: per level, per fingerprint, and per endpoint then method. */
class BucketAgg {
  readonly levels = new Map<string, number>();
  readonly fingerprints = new Map<string, number>();
  readonly endpoints = new Map<string, Map<string, EndpointAgg>>();

  endpoint(endpoint: string, method: string): EndpointAgg {
    let byMethod = this.endpoints.get(endpoint);
    if (!byMethod) this.endpoints.set(endpoint, (byMethod = new Map()));
    let e = byMethod.get(method);
    if (!e) byMethod.set(method, (e = { n: 0, errors: 0, durN: 0, durSum: 0, durMax: 0, hist: new Map() }));
    return e;
  }

  /** Adds another bucket's counts (a minute into its hour or day). */
  merge(from: BucketAgg): void {
    for (const [level, n] of from.levels) this.levels.set(level, (this.levels.get(level) ?? 0) + n);
    for (const [fp, n] of from.fingerprints) this.fingerprints.set(fp, (this.fingerprints.get(fp) ?? 0) + n);
    for (const [endpoint, byMethod] of from.endpoints) {
      for (const [method, f] of byMethod) {
        const e = this.endpoint(endpoint, method);
        e.n += f.n;
        e.errors += f.errors;
        e.durN += f.durN;
        e.durSum += f.durSum;
        if (f.durMax > e.durMax) e.durMax = f.durMax;
        merge(e.hist, f.hist);
      }
    }
  }
}

/** 1 for the app's own log lines, 0 for every other source: the rollups' `own` column. */
export type Own = 0 | 1;
const owners: readonly Own[] = [0, 1];

/**
 * Per-minute aggregates of the rows stored in one batch; `RollupWriter.flush` folds them
 * into the minute, hour and day rollups and the fingerprint groups. Only rows actually
 * inserted are added, so a re-sent row never counts twice. Keyed by number and by the rows'
 * own strings (no joined keys): this runs for every ingested row. The app's own log lines
 * (source `app`) are counted apart from the founder's sources, so detectors can leave them out.
 */
export class RollupAccumulator {
  /** Per minute: [0] the founder's sources, [1] the app's own log lines. */
  readonly minutes: readonly [Map<number, BucketAgg>, Map<number, BucketAgg>] = [new Map(), new Map()];
  readonly groups = new Map<string, GroupAgg>();
  size = 0;
  // rows arrive mostly in time order: the last minute touched is usually the next one too
  private lastBucket = Number.NaN;
  private lastOwn: Own = 0;
  private last: BucketAgg | undefined;

  add(row: TelemetryRow): void {
    this.size++;
    const bucket = floorTo(row.ts, minute);
    const own: Own = row.source === appLogSource ? 1 : 0;
    let agg = this.last;
    if (bucket !== this.lastBucket || own !== this.lastOwn || agg === undefined) {
      const minutes = this.minutes[own];
      agg = minutes.get(bucket);
      if (!agg) minutes.set(bucket, (agg = new BucketAgg()));
      this.lastBucket = bucket;
      this.lastOwn = own;
      this.last = agg;
    }
    agg.levels.set(row.level, (agg.levels.get(row.level) ?? 0) + 1);
    agg.fingerprints.set(row.fingerprint, (agg.fingerprints.get(row.fingerprint) ?? 0) + 1);

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
      const e = agg.endpoint(row.endpoint, row.method ?? '');
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
    for (const m of this.minutes) m.clear();
    this.groups.clear();
    this.size = 0;
    this.lastBucket = Number.NaN;
    this.last = undefined;
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
    this.level = db.prepare('INSERT INTO telemetry_rollup_levels (grain, bucket, level, own, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
    this.fingerprint = db.prepare('INSERT INTO telemetry_rollup_fingerprints (grain, bucket, fingerprint, own, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n');
    this.endpointRead = db.prepare('SELECT hist FROM telemetry_rollup_endpoints WHERE grain = ? AND bucket = ? AND endpoint = ? AND method = ? AND own = ?').pluck();
    this.endpoint = db.prepare(
      `INSERT INTO telemetry_rollup_endpoints (grain, bucket, endpoint, method, own, n, errors, dur_n, dur_sum, dur_max, hist) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
    for (const own of owners) {
      if (acc.minutes[own].size === 0) continue;
      for (const grain of grains) {
        for (const [bucket, agg] of regroup(acc.minutes[own], grainMs[grain])) {
          for (const [level, n] of agg.levels) this.level.run(grain, bucket, level, own, n);
          for (const [fp, n] of agg.fingerprints) this.fingerprint.run(grain, bucket, fp, own, n);
          for (const [endpoint, byMethod] of agg.endpoints) {
            for (const [method, e] of byMethod) {
              const stored = this.endpointRead.get(grain, bucket, endpoint, method, own) as string | undefined;
              const hist = stored ? merge(decode(stored), e.hist) : e.hist;
              this.endpoint.run(grain, bucket, endpoint, method, own, e.n, e.errors, e.durN, e.durSum, e.durMax, encode(hist));
            }
          }
        }
      }
    }
    for (const g of acc.groups.values()) this.group.run(g.fingerprint, g.level, g.source, g.sample.slice(0, 2000), g.first, g.last, g.n);
    acc.clear();
  }
}

/** Minute buckets folded into buckets of `size`, into new aggregates so the minute ones stay intact. */
function regroup(minutes: Map<number, BucketAgg>, size: number): Map<number, BucketAgg> {
  if (size === minute) return minutes;
  const out = new Map<number, BucketAgg>();
  for (const [bucket, agg] of minutes) {
    const start = floorTo(bucket, size);
    let into = out.get(start);
    if (!into) out.set(start, (into = new BucketAgg()));
    into.merge(agg);
  }
  return out;
}
