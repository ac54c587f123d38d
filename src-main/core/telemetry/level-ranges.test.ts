import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { allPages } from '../../../tests/helpers/telemetry-pages';
import { rng } from '../../../tests/helpers/traffic';
import { createCore, ManualClock, type Core } from '..';
import type { TelemetryLevel } from '../../../shared/telemetry';
import type { RowQuery } from './row-filter';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = Date.UTC(2026, 4, 20, 13, 17, 42, 123);

/** Mostly info; errors now and then (sparse, bursty) over 40 days, and a few rows 400 days old. */
function seed(core: Core): void {
  const random = rng(21);
  const rows: Record<string, unknown>[] = [];
  for (let ts = now - 40 * day; ts < now; ts += Math.floor(random() * 8 * minute) + 1) {
    const r = random();
    const level: TelemetryLevel = r < 0.01 ? 'error' : r < 0.03 ? 'warn' : 'info';
    rows.push({ ts, level, message: `${level} ${rows.length}`, source: rows.length % 2 === 0 ? 'site' : 'api' });
  }
  for (let i = 0; i < 30; i++) rows.push({ ts: now - 400 * day + i * hour, level: i % 3 === 0 ? 'error' : 'info', message: `old ${i}` });
  for (let i = 0; i < rows.length; i += 10_000) core.telemetry.ingestValues(rows.slice(i, i + 10_000));
}

/** The same rows straight from SQL, newest first. */
function truth(core: Core, q: { from?: number; to?: number; levels: TelemetryLevel[]; source?: string }): string[] {
  const where = [`level IN (${q.levels.map(() => '?').join(', ')})`];
  const params: unknown[] = [...q.levels];
  if (q.from !== undefined) where.push('ts >= ?') && params.push(q.from);
  if (q.to !== undefined) where.push('ts < ?') && params.push(q.to);
  if (q.source !== undefined) where.push('source = ?') && params.push(q.source);
  return core.db.prepare(`SELECT ${core.telemetry.rowId} AS id FROM telemetry_logs WHERE ${where.join(' AND ')} ORDER BY ts DESC, seq DESC`).pluck().all(...params) as string[];
}

function expectSameRows(core: Core): void {
  const queries: Array<{ from?: number; to?: number; levels: TelemetryLevel[]; source?: string }> = [
    { levels: ['error'] },
    { levels: ['error', 'warn'] },
    { levels: ['error'], source: 'site' },
    { levels: ['warn'], from: now - 3 * day - 777, to: now - hour + 5 },
    { levels: ['error'], from: now - 35 * day },
    { levels: ['info'], from: now - 2 * hour },
    { levels: ['fatal'] },
  ];
  for (const q of queries) {
    const expected = truth(core, q);
    for (const limit of [7, 100]) expect(allPages(core, q, limit), `${JSON.stringify(q)} limit ${limit}`).toEqual(expected);
  }
}

describe('level-filtered queries read only the stretches the rollups point at', () => {
  it('return exactly the rows a full scan returns, page by page, across minute, hour and day rollups and older rows', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    seed(core);
    expect(truth(core, { levels: ['error'] }).length).toBeGreaterThan(50);
    expectSameRows(core);
    core.close();
  });

  it('stay exact after retention, and when the clock is set back after a prune', () => {
    const clock = new ManualClock(now + 2 * day);
    const core = createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false });
    clock.set(now);
    seed(core);
    core.settings.set('telemetry.retentionDays', 3650);
    // a prune two days ahead removes minute rollups the present still has rows for
    clock.set(now + 2 * day);
    core.telemetry.prune();
    clock.set(now);
    expectSameRows(core);
    core.close();
  });
});

describe('fingerprint-filtered queries read only the stretches the fingerprint rollups point at', () => {
  it('return exactly the rows and the count a full scan gives, for rare and frequent fingerprints, old rows included', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    seed(core);
    const fingerprints = core.db.prepare('SELECT fingerprint, count(*) AS n FROM telemetry_logs GROUP BY fingerprint ORDER BY n DESC').all() as { fingerprint: string; n: number }[];
    expect(fingerprints.length).toBeGreaterThan(2);
    const rare = fingerprints.at(-1)!.fingerprint;
    for (const fingerprint of [fingerprints[0]!.fingerprint, fingerprints[1]!.fingerprint, rare]) {
      for (const window of [{}, { from: now - 3 * day - 777, to: now - hour + 5 }, { from: now - 35 * day }]) {
        const q = { fingerprint, ...window };
        const expected = core.db
          .prepare(`SELECT ${core.telemetry.rowId} AS id FROM telemetry_logs WHERE fingerprint = ?${'from' in window ? ' AND ts >= ?' : ''}${'to' in window ? ' AND ts < ?' : ''} ORDER BY ts DESC, seq DESC`)
          .pluck()
          .all(fingerprint, ...Object.values(window)) as string[];
        for (const limit of [7, 100]) expect(allPages(core, q, limit), `${JSON.stringify(q)} limit ${limit}`).toEqual(expected);
        const first = core.telemetry.query({ ...q, limit: 7 });
        expect(first.total, JSON.stringify(q)).toBe(Math.min(expected.length, 100_000));
      }
    }
    // the filter has no index of its own on the rows: the plan reads the ts index in stretches
    const indexes = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'telemetry_logs'").pluck().all();
    expect(indexes).not.toContain('telemetry_logs_fingerprint');
    core.close();
  });
});
