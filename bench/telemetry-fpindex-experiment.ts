// Issue #6 experiment, not part of `npm run bench`: would dropping the (fingerprint, ts) index on
// telemetry_logs lift ingest to 200k events/s? `npx tsx bench/telemetry-fpindex-experiment.ts drop`
// runs the ingest bench's two loops (raw batched inserts, then core ingest) with the index dropped
// after migrating, `… keep` with the schema as shipped; both then time the explorer's fingerprint
// filter (first page + total) for the most and the least frequent fingerprint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src-main/core';
import { openDatabase, type Db } from '../src-main/core/db/open';
import { migrate } from '../src-main/core/db/migrate';
import { chunks, events, rawIngestMs } from './telemetry-data';

const n = 1_000_000;
const batch = 10_000;
const mode = process.argv[2];
if (mode !== 'drop' && mode !== 'keep') throw new Error('usage: npx tsx bench/telemetry-fpindex-experiment.ts drop|keep');

function migrated(file: string): Db {
  const db = openDatabase(file);
  migrate(db);
  if (mode === 'drop') db.exec('DROP INDEX IF EXISTS telemetry_logs_fingerprint');
  return db;
}

const rows = events(n, Date.now());

const dropIndex = (db: Db) => {
  if (mode === 'drop') db.exec('DROP INDEX IF EXISTS telemetry_logs_fingerprint');
};
const rawMs = rawIngestMs(rows, batch, dropIndex);

// core ingest into a data dir migrated (and in `drop` mode stripped of the index) beforehand
const dataDir = mkdtempSync(join(tmpdir(), 'levqor-exp-ingest-'));
migrated(join(dataDir, 'levqor.db')).close();
const core = createCore({ dataDir, env: {}, logToFile: false });
const t = performance.now();
for (const part of chunks(rows, batch)) core.telemetry.ingestValues(part);
const oursMs = performance.now() - t;

const byCount = (order: 'ASC' | 'DESC') => core.db.prepare(`SELECT fingerprint, n FROM telemetry_groups ORDER BY n ${order} LIMIT 1`).get() as { fingerprint: string; n: number };
for (const [label, g] of [['most frequent', byCount('DESC')], ['least frequent', byCount('ASC')]] as const) {
  const q = performance.now();
  const page = core.telemetry.query({ limit: 200, fingerprint: g.fingerprint });
  console.log(`  fingerprint filter, ${label} (${g.n} rows): first page + total ${(performance.now() - q).toFixed(0)} ms (total ${page.total}${page.totalCapped ? '+' : ''})`);
}
core.close();
rmSync(dataDir, { recursive: true, force: true });

const ours = n / (oursMs / 1000);
const raw = n / (rawMs / 1000);
console.log(`${mode === 'drop' ? 'without' : 'with'} the fingerprint index: ours ${Math.round(ours)} events/s, raw ${Math.round(raw)} events/s, ${(ours / raw).toFixed(2)}×`);
