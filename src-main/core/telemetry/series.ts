import { lttb, type Point } from '../../../shared/lttb';
import type { Db } from '../db/open';
import { badInput } from '../errors';
import { decode, merge, quantile, type Histogram } from './histogram';
import { grainFor, grainMs, levelTotals, type Grain } from './rollup-read';
import { floorTo } from './row';

export interface SeriesQuery {
  metric: 'volume' | 'errors' | 'p95';
  from: number;
  to: number;
  endpoint?: string;
  points: number;
}

/** Most buckets read for one series; longer ranges move to a coarser grain. */
const maxBuckets = 50_000;

/** A chart series from the rollups at the finest grain that covers `from`, then LTTB-downsampled. */
export function series(db: Db, q: SeriesQuery, now: number): { grain: Grain; points: Point[] } {
  if (q.to <= q.from) throw badInput('to', 'must be after from');
  let grain = grainFor(q.from, now);
  while (grain !== 'day' && (q.to - q.from) / grainMs[grain] > maxBuckets) grain = grain === 'minute' ? 'hour' : 'day';
  const size = grainMs[grain];
  const from = floorTo(q.from, size);
  let points: Point[];
  if (q.metric === 'p95') {
    const rows = db
      .prepare(`SELECT bucket, hist FROM telemetry_rollup_endpoints WHERE grain = ? AND bucket >= ? AND bucket < ? AND dur_n > 0 ${q.endpoint ? 'AND endpoint = ?' : ''} ORDER BY bucket`)
      .all(grain, from, q.to, ...(q.endpoint ? [q.endpoint] : [])) as { bucket: number; hist: string }[];
    const byBucket = new Map<number, Histogram>();
    for (const r of rows) {
      const h = byBucket.get(r.bucket);
      byBucket.set(r.bucket, h ? merge(h, decode(r.hist)) : decode(r.hist));
    }
    points = [...byBucket].map(([x, h]) => ({ x, y: Math.round(quantile(h, 0.95) * 10) / 10 }));
  } else {
    let counts: Map<number, number>;
    if (q.metric === 'volume') counts = levelTotals(db, grain, from, q.to);
    else if (q.endpoint) {
      const rows = db.prepare('SELECT bucket, sum(errors) AS n FROM telemetry_rollup_endpoints WHERE grain = ? AND bucket >= ? AND bucket < ? AND endpoint = ? GROUP BY bucket').all(grain, from, q.to, q.endpoint) as { bucket: number; n: number }[];
      counts = new Map(rows.map((r) => [r.bucket, r.n]));
    } else {
      const rows = db
        .prepare("SELECT bucket, sum(n) AS n FROM telemetry_rollup_levels WHERE grain = ? AND bucket >= ? AND bucket < ? AND level IN ('error', 'fatal') GROUP BY bucket")
        .all(grain, from, q.to) as { bucket: number; n: number }[];
      counts = new Map(rows.map((r) => [r.bucket, r.n]));
    }
    points = [];
    for (let x = from; x < q.to; x += size) points.push({ x, y: counts.get(x) ?? 0 });
  }
  return { grain, points: lttb(points, q.points) };
}
