import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../src-main/core';
import { stageAppData } from '../src-main/core/backups/app-snapshot';
import { builtCore } from './built-core';
import { benchEnv, ingestTelemetry } from './backup-data';
import { chunks, events } from './telemetry-data';
import type { Report } from './measure';

const targetBytes = 1024 * 1024 * 1024;
const batch = 1_000;
const windowMs = 4_000;

/**
 * The app-data snapshot (SQLite online backup, paced: app-snapshot.ts) of a 1 GB database while
 * ingest runs in the same process, as in `levqor serve`: ingest's rate in windows without a
 * snapshot (before and after) beside its rate while the snapshot is taken. Ingest goes through
 * the real path (core.telemetry.ingestValues), 1,000 events a batch, yielding between batches
 * as requests do.
 */
export async function backupSnapshotUnderIngest(report: Report): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'levqor-bench-snapshot-'));
  const { createCore } = await builtCore();
  const core = createCore({ dataDir: join(root, 'data'), env: benchEnv(join(root, 'products')), logToFile: false });
  try {
    ingestTelemetry(core, 1_000_000);
    fillTo(core, targetBytes);
    const size = statSync(join(core.dataDir, 'levqor.db')).size;
    const feed = chunks(events(300_000, Date.now()), batch);
    const ingest = new IngestLoop(core, feed);

    const rounds: Array<{ before: number; during: number; after: number; snapshotMs: number }> = [];
    for (let round = 0; round < 3; round++) {
      const before = await ingest.rateFor(() => sleep(windowMs));
      let snapshotMs = 0;
      const during = await ingest.rateFor(async () => {
        const t = performance.now();
        await stageAppData(core.db, join(root, 'staging'), join(root, 'products'), Date.now());
        snapshotMs = performance.now() - t;
      });
      const after = await ingest.rateFor(() => sleep(windowMs));
      rounds.push({ before, during, after, snapshotMs });
      rmSync(join(root, 'staging'), { recursive: true, force: true });
    }
    console.log(`(database ${(size / 1e6).toFixed(0)} MB; rounds: ${rounds.map((r) => `before ${r.before.toFixed(0)}, during ${r.during.toFixed(0)} (snapshot ${r.snapshotMs.toFixed(0)} ms), after ${r.after.toFixed(0)} events/s`).join('; ')})`);
    const ratio = (r: (typeof rounds)[number]) => r.during / ((r.before + r.after) / 2);
    const mid = [...rounds].sort((a, b) => ratio(a) - ratio(b))[1]!;
    const ratios = rounds.map((r) => ratio(r).toFixed(2)).join(', ');
    report({ name: `ingest rate while the app-data snapshot of a ${(size / 1e9).toFixed(2)} GB database is taken (${mid.snapshotMs.toFixed(0)} ms), the round of the median ratio (ratios ${ratios})`, value: mid.during, unit: 'events/s', reference: { name: 'ingest rate without a snapshot, the windows before and after', value: (mid.before + mid.after) / 2 }, target: '≥ 0.70× reference', higherIsBetter: true });
  } finally {
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Random blobs (incompressible) in a table of their own until the database file is `bytes` long. */
function fillTo(core: Core, bytes: number): void {
  core.db.exec('CREATE TABLE IF NOT EXISTS bench_filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = core.db.prepare('INSERT INTO bench_filler (body) VALUES (?)');
  const file = join(core.dataDir, 'levqor.db');
  while (statSync(file).size < bytes) {
    core.db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(randomBytes(16_000));
    })();
    core.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/** Ingest that keeps running: one batch, then the event loop (timers, the snapshot's steps), and again. */
class IngestLoop {
  private next = 0;
  constructor(
    private readonly core: Core,
    private readonly feed: unknown[][],
  ) {}

  /** Events per second ingested while `during` runs. */
  async rateFor(during: () => Promise<void>): Promise<number> {
    let running = true;
    let done = 0;
    const started = performance.now();
    const loop = (async () => {
      while (running) {
        this.core.telemetry.ingestValues(this.feed[this.next++ % this.feed.length]!);
        done += batch;
        await new Promise((r) => setImmediate(r));
      }
    })();
    loop.catch(() => {}); // a failed ingest is thrown by `await loop` below, after the snapshot, so finally still cleans up
    try {
      await during();
    } finally {
      running = false;
    }
    await loop;
    return done / ((performance.now() - started) / 1000);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
