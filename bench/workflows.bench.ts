import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/core/db/open';
import { doubleAndLog } from '../tests/helpers/workflows/documents';
import { builtCore } from './built-core';
import { median, type Report } from './measure';

/** Raw better-sqlite3: single-row insert transactions on the same pragmas, for reference. */
function rawInsertRate(dir: string, round: number, ms: number): number {
  const db = openDatabase(join(dir, `raw-${round}.db`));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = db.transaction((v: string) => insert.run(v));
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) tx(`row ${n++}`);
  }
  db.close();
  return n / (ms / 1000);
}

/**
 * Durable executions per second in process, every step persisted, 16 runs in
 * flight. This machine's speed drifts by tens of percent from one second to the next, so
 * ours and the raw reference are measured in alternating rounds and each side's median is
 * printed.
 */
export async function workflowThroughput(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'levqor-bench-wf-'));
  try {
    const { createCore } = await builtCore();
    const core = createCore({ dataDir: dir, logToFile: false, env: { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_SECRET_KEY: 'a'.repeat(64) } });
    const { id } = core.workflows.import(doubleAndLog);
    const runOnce = (n: number) => core.workflows.run({ id, input: { n }, wait: true });
    for (let i = 0; i < 2000; i++) await runOnce(i); // warm-up
    const perRound = Number(process.env.BENCH_RUNS ?? 20000);
    const concurrency = 16;
    const ours: number[] = [];
    const raw: number[] = [];
    let failed = 0;
    for (let round = 0; round < 3; round++) {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < perRound) {
            const r = await runOnce(next++);
            if (r.status !== 'succeeded') failed++;
          }
        }),
      );
      ours.push(perRound / ((performance.now() - started) / 1000));
      raw.push(rawInsertRate(dir, round, 1500));
    }
    core.close();
    if (failed > 0) console.log(`(${failed} runs did not succeed)`);
    console.log(`(rounds: ours ${ours.map((r) => r.toFixed(0)).join(', ')} exec/s; raw ${raw.map((r) => r.toFixed(0)).join(', ')} tx/s)`);
    report({ name: 'durable executions (manual → transform → log), median of 3 rounds', value: median(ours), unit: 'exec/s', reference: { name: 'raw better-sqlite3 single-row insert transactions, median of 3 rounds', value: median(raw) }, target: '≥ 2000 exec/s and ≥ 0.25× raw', higherIsBetter: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
