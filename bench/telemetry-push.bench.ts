import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createCore } from '../src-main/core';
import { copyText, pushSelectSql, type PushRow } from '../src-main/core/telemetry/remote-rows';
import { startPostgres } from '../tests/helpers/postgres-server';
import type { Report } from './measure';
import { chunks, events } from './telemetry-data';

const n = 1_000_000;

/** Push 1M rows to Postgres on loopback through sync, beside one COPY of the same rows into the same table. */
export async function telemetryPush(report: Report): Promise<void> {
  const server = await startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-push-'));
  const refDir = mkdtempSync(join(tmpdir(), 'levqor-bench-ref-'));
  try {
    const pushUrl = await server.createDatabase('bench_push');
    const copyUrl = await server.createDatabase('bench_copy');
    const core = createCore({ dataDir, env: { LEVQOR_DATABASE_URL: pushUrl }, logToFile: false });
    for (const part of chunks(events(n, Date.now()), 50_000)) core.telemetry.ingestValues(part);
    await core.remote.check();

    // the reference gets the identical schema (same migration), then one COPY of the same rows
    const reference = createCore({ dataDir: refDir, env: { LEVQOR_DATABASE_URL: copyUrl }, logToFile: false });
    await reference.remote.check();
    reference.close();
    const rows = core.db.prepare(pushSelectSql(core.telemetry.rowId)).raw(true).all(0, n) as PushRow[];
    // the reference streams the same rows as COPY text, formatted as they go, over one connection
    const client = new pg.Client({ connectionString: copyUrl });
    await client.connect();
    const copyRows = function* () {
      for (const part of chunks(rows, 5_000)) yield copyText(part, 'bench', (ms) => new Date(ms).toISOString());
    };
    let t = performance.now();
    await pipeline(Readable.from(copyRows()), client.query(copyFrom('COPY telemetry_logs (id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, node_id) FROM STDIN')));
    const copyMs = performance.now() - t;
    await client.end();

    t = performance.now();
    const result = await core.telemetry.sync();
    const pushMs = performance.now() - t;
    if (result.pushed !== n) throw new Error(`pushed ${result.pushed}, expected ${n}`);
    core.close();
    report({
      name: 'telemetry push: 1M rows to Postgres on loopback (sync: batched COPY + upsert on id, resumable)',
      value: n / (pushMs / 1000),
      unit: 'rows/s',
      reference: { name: 'one COPY of the same rows into the same table', value: n / (copyMs / 1000) },
      target: '≥ 0.50× COPY',
      higherIsBetter: true,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(refDir, { recursive: true, force: true });
    await server.stop();
  }
}
