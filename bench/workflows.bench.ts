import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core';
import { openDatabase } from '../src-main/core/db/open';
import type { Report } from './measure';

const workflow = {
  name: 'Bench: manual → transform → log',
  trigger: { type: 'manual' },
  nodes: [
    { id: 'calc', type: 'transform', params: { expression: "{ 'n': input.n * 2 }" } },
    { id: 'say', type: 'log', params: { message: 'n is {{ steps.calc.output.n }}' } },
  ],
  edges: [{ from: 'calc', to: 'say' }],
};

/** Raw better-sqlite3: single-row insert transactions on the same pragmas, for reference. */
function rawInsertRate(dir: string, ms: number): number {
  const db = openDatabase(join(dir, 'raw.db'));
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

/** Issue 3: durable executions per second in process, every step persisted. */
export async function workflowThroughput(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'levqor-bench-wf-'));
  try {
    const core = createCore({ dataDir: dir, logToFile: false, env: { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_SECRET_KEY: 'a'.repeat(64) } });
    const { id } = core.workflows.import(workflow);
    const runOnce = (n: number) => core.workflows.run({ id, input: { n }, wait: true });
    for (let i = 0; i < 500; i++) await runOnce(i); // warm-up
    const total = Number(process.env.BENCH_RUNS ?? 5000);
    const concurrency = 16;
    let next = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const r = await runOnce(next++);
          if (r.status !== 'succeeded') failed++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = total / seconds;
    core.close();
    const raw = rawInsertRate(dir, 1500);
    if (failed > 0) console.log(`(${failed} runs did not succeed)`);
    report({ name: 'durable executions (manual → transform → log)', value: rate, unit: 'exec/s', reference: { name: 'raw better-sqlite3 single-row insert transactions', value: raw }, target: '≥ 2000 exec/s and ≥ 0.25× raw', higherIsBetter: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
