/**
 * Deterministic generated telemetry for detector, report and bench runs: steady traffic on a
 * few endpoints (Poisson-ish counts per minute, log-normal durations, a tiny 5xx rate, a
 * steady warning) into which tests inject the anomalies they expect to find.
 */
export interface TrafficRow {
  id?: string;
  ts: number;
  level: 'info' | 'warn' | 'error';
  source: string;
  message: string;
  endpoint?: string;
  method?: string;
  status?: number;
  duration_ms?: number;
}

export function rng(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const endpoints = [
  { method: 'GET', path: '/api/items/:id', medianMs: 40 },
  { method: 'GET', path: '/api/search', medianMs: 120 },
  { method: 'POST', path: '/api/checkout', medianMs: 200 },
  { method: 'GET', path: '/health', medianMs: 5 },
] as const;

export interface TrafficOptions {
  perMinute?: number;
  errorRate?: number;
  seed?: number;
}

/** Rows for every minute in [from, to). */
export function* traffic(from: number, to: number, o: TrafficOptions = {}): Generator<TrafficRow> {
  const random = rng(o.seed ?? 42);
  const perMinute = o.perMinute ?? 60;
  const errorRate = o.errorRate ?? 0.0002;
  for (let minute = from; minute < to; minute += 60_000) {
    const n = Math.max(0, Math.round(perMinute + Math.sqrt(perMinute) * gaussian(random)));
    for (let i = 0; i < n; i++) {
      const ts = minute + Math.floor(random() * 60_000);
      const e = endpoints[Math.floor(random() * endpoints.length)]!;
      const failed = random() < errorRate;
      const duration = Math.round(e.medianMs * Math.exp(0.4 * gaussian(random)) * 10) / 10;
      const id = Math.floor(random() * 100_000);
      yield {
        ts,
        level: failed ? 'error' : 'info',
        source: 'site',
        message: failed ? `${e.method} ${e.path.replace(':id', String(id))} failed: upstream returned 502` : `${e.method} ${e.path.replace(':id', String(id))} ${200} in ${duration} ms`,
        endpoint: e.path,
        method: e.method,
        status: failed ? 500 : 200,
        duration_ms: duration,
      };
    }
    if (random() < 0.5) yield { ts: minute + 30_000, level: 'warn', source: 'site', message: `cache miss for key 'user:${Math.floor(random() * 1000)}'` };
  }
}
