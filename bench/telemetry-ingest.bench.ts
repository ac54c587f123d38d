import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import type { Core } from '../src-main/core';
import { builtCore } from './built-core';
import { levqorBin, repoRoot } from '../tests/helpers/cli';
import { median, rssMb, type Figure, type Report } from './measure';
import { chunks, events, rawIngestMs } from './telemetry-data';

const n = 1_000_000;
const batch = 10_000;

/**
 * Ingest 1M events through core (validate, fingerprint, insert, rollups, block bounds) beside raw batched
 * inserts of the same rows. This machine's speed drifts by tens of percent from one run to the
 * next, so both are measured in three alternating rounds (each into a fresh file) and each
 * side's median is printed; the last round's data dir serves the query and serve figures.
 */
export async function telemetryIngest(report: Report): Promise<void> {
  const { createCore } = await builtCore();
  const end = Date.now();
  const rows = events(n, end);
  const batches = chunks(rows, batch);

  const ours: number[] = [];
  const raw: number[] = [];
  let dataDir = '';
  let countFigures: Figure[] = [];
  for (let round = 0; round < 3; round++) {
    raw.push(n / (rawIngestMs(rows, batch) / 1000));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-ingest-'));
    const core = createCore({ dataDir, env: {}, logToFile: false });
    const t = performance.now();
    for (const part of batches) core.telemetry.ingestValues(part);
    ours.push(n / ((performance.now() - t) / 1000));
    if (round === 2) countFigures = explorerCounts(core);
    core.close();
  }
  console.log(`(rounds: ours ${ours.map((r) => r.toFixed(0)).join(', ')}; raw ${raw.map((r) => r.toFixed(0)).join(', ')} events/s)`);

  report({
    name: 'telemetry ingest: 1M events (validate, fingerprint, insert, rollups, block bounds; made ids read back, not stored), median of 3 rounds',
    value: median(ours),
    unit: 'events/s',
    reference: { name: 'raw batched better-sqlite3 inserts of the same rows, median of 3 rounds', value: median(raw) },
    target: '≥ 200000 events/s and ≥ 0.50× raw',
    higherIsBetter: true,
  });

  for (const f of countFigures) report(f);
  await serveWithMillion(report, dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}

/** The explorer's first page with its total over the 1M rows: from the rollups, and a capped COUNT. */
function explorerCounts(core: Core): Figure[] {
  const time = (q: Parameters<Core['telemetry']['query']>[0]) => {
    const t = performance.now();
    const page = core.telemetry.query(q);
    if (page.total === undefined) throw new Error('telemetry.query gave no total');
    return performance.now() - t;
  };
  const group = (order: 'ASC' | 'DESC') => core.db.prepare(`SELECT fingerprint, n FROM telemetry_groups ORDER BY n ${order} LIMIT 1`).get() as { fingerprint: string; n: number };
  const [most, least] = [group('DESC'), group('ASC')];
  return [
    { name: 'telemetry.query first page + total over 1M rows: no filter (total from rollups)', value: time({ limit: 200 }), unit: 'ms' },
    { name: `telemetry.query first page + total over 1M rows: most frequent fingerprint (${most.n} rows; stretches from the fingerprint rollups)`, value: time({ limit: 200, fingerprint: most.fingerprint }), unit: 'ms' },
    { name: `telemetry.query first page + total over 1M rows: least frequent fingerprint (${least.n} rows)`, value: time({ limit: 200, fingerprint: least.fingerprint }), unit: 'ms' },
    { name: 'telemetry.query first page + total over 1M rows: info, last 6 h (total from rollups + edge rows)', value: time({ limit: 200, levels: ['info'], from: Date.now() - 6 * 3_600_000 - 12_345 }), unit: 'ms' },
    { name: 'telemetry.query first page + total over 1M rows: text "checkout" (COUNT capped at 100,000)', value: time({ limit: 200, text: 'checkout' }), unit: 'ms' },
  ];
}

/** `levqor serve` on that data dir (1M rows): start to the first telemetry.query answer, and RSS. */
async function serveWithMillion(report: Report, dataDir: string): Promise<void> {
  const started = performance.now();
  const child = spawn(process.execPath, [levqorBin, '--data-dir', dataDir, 'serve', '--port', '0'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LEVQOR_LAUNCH_STAGE: '', LEVQOR_DATABASE_URL: '' } });
  try {
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const [, base, token] = /at (\S+?\/)\?token=(\S+)/.exec(line)!;
    const res = await fetch(`${base}api/telemetry.query`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ limit: 200, levels: ['error'] }) });
    if (!res.ok) throw new Error(`telemetry.query answered ${res.status}`);
    await res.arrayBuffer();
    const ms = performance.now() - started;
    report({ name: 'levqor serve with 1M telemetry rows: start to first telemetry.query answer', value: ms, unit: 'ms', target: '≤ 1000 ms' });
    report({ name: 'levqor serve with 1M telemetry rows: RSS after that answer', value: rssMb(child.pid!), unit: 'MB', target: '≤ 200 MB' });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
