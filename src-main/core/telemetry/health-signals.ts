import type { Db } from '../db/open';
import { merge, quantile, type Histogram } from './histogram';
import { endpointStats, grainFor, levelCounts } from './rollup-read';

/** The founder's requests over a range: rows with a status, those answered 5xx, and the p95 of the timed ones. */
export interface RequestTotals {
  requests: number;
  serverErrors: number;
  /** null: no timed request in the range. */
  p95Ms: number | null;
}

/** The app's own log lines over a range, by weight. */
export interface AppLogTotals {
  errors: number;
  warnings: number;
}

/**
 * The founder's requests over [from, to) from the endpoint rollups, the app's own API calls
 * left out: an error rate is 5xx answers per request, never error lines per log line.
 */
export function requestTotals(db: Db, from: number, to: number, now: number): RequestTotals {
  const hist: Histogram = new Map();
  let requests = 0;
  let serverErrors = 0;
  let timed = 0;
  for (const s of endpointStats(db, grainFor(from, now), from, to, { whose: 'founder' }).values()) {
    requests += s.n;
    serverErrors += s.errors;
    timed += s.durN;
    merge(hist, s.hist);
  }
  return { requests, serverErrors, p95Ms: timed > 0 ? Math.round(quantile(hist, 0.95) * 10) / 10 : null };
}

/** The app's own error (and fatal) and warning lines over [from, to). */
export function appLogTotals(db: Db, from: number, to: number, now: number): AppLogTotals {
  const byLevel = levelCounts(db, grainFor(from, now), from, to, 'app');
  return { errors: (byLevel.get('error') ?? 0) + (byLevel.get('fatal') ?? 0), warnings: byLevel.get('warn') ?? 0 };
}
