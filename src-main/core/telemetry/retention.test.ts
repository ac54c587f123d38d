import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock } from '..';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 15, 12, 0, 0);

describe('telemetry retention', () => {
  it('prunes raw rows past retentionDays, rollups past 1/30/365 days, and shrinks the file', () => {
    const clock = new ManualClock(now - 400 * day);
    const core = createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false });
    core.settings.set('telemetry.retentionDays', 10);
    // one row an hour-ish for 400 days, with big messages so the file has something to give back
    for (let d = 400; d >= 0; d -= 1) {
      clock.set(now - d * day);
      const rows = Array.from({ length: 24 }, (_, h) => ({ ts: now - d * day - h * 3_600_000, level: 'info', message: `tick ${h} ${'x'.repeat(2_000)}`, endpoint: '/e', status: 200, duration_ms: 5 }));
      core.telemetry.ingestValues(rows);
    }
    const count = (sql: string, ...p: unknown[]) => core.db.prepare(sql).pluck().get(...p) as number;
    const pagesBefore = count('PRAGMA page_count');
    const result = core.telemetry.prune();
    expect(result.rows).toBeGreaterThan(9_000);
    expect(count('SELECT count(*) FROM telemetry_logs WHERE ts < ?', now - 10 * day)).toBe(0);
    expect(count('SELECT count(*) FROM telemetry_logs')).toBeGreaterThan(200);
    expect(count("SELECT min(bucket) FROM telemetry_rollup_levels WHERE grain = 'minute'")).toBeGreaterThanOrEqual(now - day - 60_000);
    expect(count("SELECT min(bucket) FROM telemetry_rollup_levels WHERE grain = 'hour'")).toBeGreaterThanOrEqual(now - 30 * day - 3_600_000);
    expect(count("SELECT min(bucket) FROM telemetry_rollup_levels WHERE grain = 'day'")).toBeGreaterThanOrEqual(now - 366 * day);
    expect(count("SELECT count(*) FROM telemetry_rollup_levels WHERE grain = 'day'")).toBeGreaterThanOrEqual(365);
    expect(result.freedPages).toBeGreaterThan(0);
    expect(count('PRAGMA page_count')).toBeLessThan(pagesBefore / 2);
    // the reports of days whose raw rows are gone still come from the day rollups
    const old = new Date(now - 100 * day).toISOString().slice(0, 10);
    expect(core.telemetry.report(old).total).toEqual({ count: 24, previous: 24 });
    core.close();
  });

  it('never gives a seq twice: the newest row stays past retention, so later rows keep a fresh seq and id', () => {
    const clock = new ManualClock(now - 40 * day);
    const core = createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false });
    try {
      core.telemetry.ingestValues([{ level: 'info', message: 'old 1' }, { level: 'info', message: 'old 2' }]);
      const read = () => core.db.prepare(`SELECT seq, ${core.telemetry.rowId} AS id, message FROM telemetry_logs ORDER BY seq`).all() as { seq: number; id: string; message: string }[];
      const [, newest] = read();
      clock.set(now);
      expect(core.telemetry.prune().rows).toBe(1);
      expect(read()).toEqual([newest]);
      // the same time as the rows before: only the seq tells the ids apart
      core.telemetry.ingestValues([{ ts: now - 40 * day, level: 'info', message: 'old 3' }]);
      const after = read();
      expect(after.at(-1)!.seq).toBe(newest!.seq + 1);
      expect(new Set(after.map((r) => r.id)).size).toBe(after.length);
    } finally {
      core.close();
    }
  });
});
