import { traffic, type TrafficRow } from '../tests/helpers/traffic';

/** `n` generated events spread over the `hours` before `end` (no ids: ingest makes them). */
export function events(n: number, end: number, hours = 24): TrafficRow[] {
  const perMinute = Math.ceil(n / (hours * 60));
  const out: TrafficRow[] = [];
  for (const row of traffic(end - hours * 3_600_000, end, { perMinute, seed: 11 })) {
    out.push(row);
    if (out.length === n) break;
  }
  return out;
}

export function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
