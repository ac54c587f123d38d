import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, ManualClock } from '../src-main/core';
import type { Report } from './measure';
import { chunks, events } from './telemetry-data';

const n = 1_000_000;

/** All four detectors over a day of 1M rows (they read the rollups), beside one GROUP BY minute over the raw rows. */
export async function telemetryDetect(report: Report): Promise<void> {
  const end = Date.UTC(2026, 0, 15, 12, 0, 0);
  const clock = new ManualClock(end);
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-detect-'));
  try {
    const core = createCore({ dataDir, env: {}, clock, logToFile: false });
    for (const part of chunks(events(n, end), 50_000)) core.telemetry.ingestValues(part);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      clock.set(end + i * 60_000);
      const t = performance.now();
      core.telemetry.detect();
      times.push(performance.now() - t);
    }
    let t = performance.now();
    core.db.prepare('SELECT ts / 60000 AS m, count(*) FROM telemetry_logs GROUP BY m').all();
    const scanMs = performance.now() - t;
    core.close();
    times.sort((a, b) => a - b);
    report({
      name: 'telemetry detectors: all four over 1M rows (median of 5)',
      value: times[2]!,
      unit: 'ms',
      reference: { name: 'one GROUP BY minute over the raw rows', value: scanMs },
      target: '≤ 500 ms',
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
