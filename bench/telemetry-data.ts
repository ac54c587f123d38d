import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../src-main/core/db/open';
import { migrate } from '../src-main/core/db/migrate';
import { fingerprintOf } from '../src-main/core/telemetry/fingerprint';
import { telemetryCacheKiB } from '../src-main/core/telemetry/telemetry-service';
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

/**
 * The ingest bench's reference: the final rows (ids and fingerprints made beforehand) inserted
 * as plainly as better-sqlite3 allows, `batch` rows per transaction, into a freshly migrated
 * file with the app's connection settings. `prepare` may alter the schema first. Returns ms.
 */
export function rawIngestMs(rows: TrafficRow[], batch: number, prepare: (db: Db) => void = () => {}): number {
  const dir = mkdtempSync(join(tmpdir(), 'levqor-bench-raw-'));
  const db = openDatabase(join(dir, 'raw.db'));
  try {
    migrate(db);
    prepare(db);
    db.pragma(`cache_size = -${telemetryCacheKiB}`);
    // stored as ingest stores a row without an id: id NULL (read from ts, seq and node), no unique check
    const final = rows.map((r) => [null, r.ts, r.level, r.source, r.message, fingerprintOf(r.level, r.message), r.endpoint ?? null, r.method ?? null, r.status ?? null, r.duration_ms ?? null, null, null, 0, 0]);
    const insert = db.prepare('INSERT INTO telemetry_logs (id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, origin, id_given) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertMany = db.transaction((part: unknown[][]) => {
      for (const r of part) insert.run(...r);
    });
    const t = performance.now();
    for (const part of chunks(final, batch)) insertMany(part);
    return performance.now() - t;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
