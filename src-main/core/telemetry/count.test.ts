import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { rng } from '../../../tests/helpers/traffic';
import { createCore, ManualClock, type Core } from '..';
import type { TelemetryLevel } from '../../../shared/telemetry';
import { countRows } from './count';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = Date.UTC(2026, 4, 20, 13, 17, 42, 123);
const levels: TelemetryLevel[] = ['debug', 'info', 'warn', 'error'];

/** Rows at irregular times over the last `days` days, levels cycling. */
function seed(core: Core, days: number): void {
  const random = rng(7);
  const rows: Record<string, unknown>[] = [];
  for (let ts = now - days * day; ts < now; ts += Math.floor(random() * 4 * minute) + 1) {
    rows.push({ ts, level: levels[rows.length % levels.length], message: `tick ${rows.length}`, source: rows.length % 3 === 0 ? 'site' : 'api' });
  }
  for (let i = 0; i < rows.length; i += 10_000) core.telemetry.ingestValues(rows.slice(i, i + 10_000));
}

/** The truth, straight from the raw rows. */
function countSql(core: Core, from: number | undefined, to: number | undefined, lv: TelemetryLevel[]): number {
  const where = ['1 = 1'];
  const params: unknown[] = [];
  if (from !== undefined) where.push('ts >= ?') && params.push(from);
  if (to !== undefined) where.push('ts < ?') && params.push(to);
  if (lv.length > 0) where.push(`level IN (${lv.map(() => '?').join(', ')})`) && params.push(...lv);
  return core.db.prepare(`SELECT count(*) FROM telemetry_logs WHERE ${where.join(' AND ')}`).pluck().get(...params) as number;
}

function expectExactCounts(core: Core, clockNow: number): void {
  const random = rng(99);
  const ranges: Array<[number | undefined, number | undefined]> = [
    [undefined, undefined],
    [now - 15 * minute, undefined],
    [now - hour, undefined],
    [now - day, undefined],
    [now - 7 * day, undefined],
    [undefined, now - 36 * hour - 1234],
  ];
  for (let i = 0; i < 30; i++) {
    const a = now - Math.floor(random() * 45 * day);
    const b = a + Math.floor(random() * 20 * day);
    ranges.push([a, b]);
  }
  for (const [from, to] of ranges) {
    for (const lv of [[], ['error'], ['info', 'warn']] as TelemetryLevel[][]) {
      const q = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), levels: lv };
      expect(countRows(core.db, q, clockNow), JSON.stringify(q)).toEqual({ total: countSql(core, from, to, lv), capped: false });
    }
  }
}

describe('telemetry row count', () => {
  it('counts time and level filters exactly from the rollups plus the edge rows', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    seed(core, 40);
    expect(countSql(core, undefined, undefined, [])).toBeGreaterThan(20_000);
    expectExactCounts(core, now);
    core.close();
  });

  it('stays exact after retention deletes raw rows whose rollups remain, and for old rows sent after that', () => {
    const clock = new ManualClock(now);
    const core = createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false });
    seed(core, 40);
    core.settings.set('telemetry.retentionDays', 10);
    expect(core.telemetry.prune().rows).toBeGreaterThan(0);
    // the day rollups still hold the deleted rows' counts
    expect(core.db.prepare("SELECT sum(n) FROM telemetry_rollup_levels WHERE grain = 'day'").pluck().get()).toBeGreaterThan(countSql(core, undefined, undefined, []));
    expectExactCounts(core, now);
    core.telemetry.ingestValues([{ ts: now - 20 * day, level: 'error', message: 'late arrival' }]);
    expectExactCounts(core, now);
    // a later prune with a shorter reach leaves the stricter cutoff in place
    clock.set(now + hour);
    core.settings.set('telemetry.retentionDays', 12);
    core.telemetry.prune();
    expectExactCounts(core, now + hour);
    core.close();
  });

  it('counts other filters from the raw rows, stopping at the cap', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    seed(core, 2);
    const site = core.db.prepare("SELECT count(*) FROM telemetry_logs WHERE source = 'site'").pluck().get() as number;
    expect(countRows(core.db, { source: 'site' }, now)).toEqual({ total: site, capped: false });
    expect(countRows(core.db, { source: 'site' }, now, 100)).toEqual({ total: 100, capped: true });
    expect(countRows(core.db, { source: 'site' }, now, site)).toEqual({ total: site, capped: false });
    const tick1 = core.db.prepare("SELECT count(*) FROM telemetry_logs WHERE message LIKE '%tick 1%' AND level = 'warn'").pluck().get() as number;
    expect(countRows(core.db, { text: 'tick 1', levels: ['warn'] }, now)).toEqual({ total: tick1, capped: false });
    expect(countRows(core.db, { source: 'nobody' }, now)).toEqual({ total: 0, capped: false });
    core.close();
  });

  it('comes with the first page of telemetry.query only', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    expect(core.telemetry.query({ limit: 10 })).toEqual({ rows: [], total: 0, totalCapped: false });
    seed(core, 1);
    const all = countSql(core, undefined, undefined, []);
    const first = core.telemetry.query({ limit: 10 });
    expect(first).toMatchObject({ total: all, totalCapped: false });
    expect(first.rows).toHaveLength(10);
    const second = core.telemetry.query({ limit: 10, cursor: first.nextCursor! });
    expect(second.rows).toHaveLength(10);
    expect(second).not.toHaveProperty('total');
    const errors = countSql(core, now - 6 * hour, undefined, ['error']);
    expect(core.telemetry.query({ from: now - 6 * hour, levels: ['error'], limit: 5 })).toMatchObject({ total: errors, totalCapped: false });
    // a page holding every match counts itself
    const tick12 = core.db.prepare("SELECT count(*) FROM telemetry_logs WHERE message LIKE '%tick 12%'").pluck().get() as number;
    expect(tick12).toBeLessThan(1000);
    expect(core.telemetry.query({ text: 'tick 12', limit: 1000 })).toMatchObject({ total: tick12, totalCapped: false });
    core.close();
  });
});
