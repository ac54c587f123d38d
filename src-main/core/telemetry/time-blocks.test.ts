import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { allPages } from '../../../tests/helpers/telemetry-pages';
import { rng } from '../../../tests/helpers/traffic';
import { createCore, ManualClock, type Core } from '..';
import type { RowQuery } from './row-filter';
import { rowsInTimeSql, storedTimeSpan } from './time-blocks';

const day = 86_400_000;
const now = Date.UTC(2026, 10, 29, 12);

/** 12,000 rows over 10 days sent in shuffled order, then a late batch of older ones: blocks overlap in time. */
function seedOutOfOrder(core: Core): void {
  const random = rng(7);
  const rows = Array.from({ length: 12_000 }, (_, i) => ({
    ts: now - Math.floor(random() * 10 * day),
    level: i % 17 === 0 ? 'error' : 'info',
    source: i % 3 === 0 ? 'site' : 'app',
    message: i % 5 === 0 ? `checkout ${i} failed` : `page ${i} served`,
  }));
  // a few rows share one millisecond, so ties are ordered by seq
  for (let i = 0; i < 40; i++) rows[i * 97]!.ts = now - 3 * day;
  for (let i = 0; i < rows.length; i += 2_500) core.telemetry.ingestValues(rows.slice(i, i + 2_500));
  core.telemetry.ingestValues(Array.from({ length: 300 }, (_, i) => ({ ts: now - 20 * day + i * 1_000, level: 'warn', message: `late ${i}` })));
}

/** The same rows by a full scan, newest first. */
function truth(core: Core, q: { from?: number; to?: number; source?: string; text?: string }): string[] {
  const where = ['1'];
  const params: unknown[] = [];
  if (q.from !== undefined) where.push('ts >= ?') && params.push(q.from);
  if (q.to !== undefined) where.push('ts < ?') && params.push(q.to);
  if (q.source !== undefined) where.push('source = ?') && params.push(q.source);
  if (q.text !== undefined) where.push('instr(message, ?) > 0') && params.push(q.text);
  return core.db.prepare(`SELECT ${core.telemetry.rowId} FROM telemetry_logs WHERE ${where.join(' AND ')} ORDER BY ts DESC, seq DESC`).pluck().all(...params) as string[];
}

function boundsFromRows(core: Core) {
  return core.db.prepare('SELECT seq / 1024 AS block, min(ts) AS min_ts, max(ts) AS max_ts FROM telemetry_logs GROUP BY seq / 1024 ORDER BY block').all();
}

function storedBounds(core: Core) {
  return core.db.prepare('SELECT block, min_ts, max_ts FROM telemetry_blocks ORDER BY block').all();
}

describe('time lookups through block bounds (no ts index)', () => {
  it('page and count exactly as a full scan does, with rows stored far out of time order', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    try {
      seedOutOfOrder(core);
      expect(storedBounds(core)).toEqual(boundsFromRows(core));
      const queries = [
        {},
        { from: now - 4 * day - 333, to: now - 2 * day + 777 },
        { from: now - 3 * day, to: now - 3 * day + 1 },
        { to: now - 9 * day },
        { source: 'site', from: now - 6 * day },
        { text: 'checkout', to: now - day },
        { from: now - 30 * day, to: now - 19 * day },
      ];
      for (const q of queries) {
        const expected = truth(core, q);
        for (const limit of [40, 250]) expect(allPages(core, q, limit), `${JSON.stringify(q)} limit ${limit}`).toEqual(expected);
        expect(core.telemetry.query({ ...q, limit: 5 }).total, JSON.stringify(q)).toBe(expected.length);
      }
      const span = core.db.prepare('SELECT min(ts) AS oldest, max(ts) AS newest FROM telemetry_logs').get();
      expect(storedTimeSpan(core.db)).toEqual(span);
    } finally {
      core.close();
    }
  });

  it('order rows of the same millisecond by seq across blocks', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
    try {
      const t = now - day;
      // block 0 (seqs 1-1023) is read first for its one newer row; block 1 holds the newest rows of t
      core.telemetry.ingestValues([...Array.from({ length: 1022 }, (_, i) => ({ ts: t, level: 'info', message: `a ${i}` })), { ts: t + 1, level: 'info', message: 'newest' }]);
      core.telemetry.ingestValues(Array.from({ length: 10 }, (_, i) => ({ ts: t, level: 'info', message: `b ${i}` })));
      const page = core.telemetry.query({ limit: 5 });
      expect(page.rows.map((r) => r.message)).toEqual(['newest', 'b 9', 'b 8', 'b 7', 'b 6']);
      expect(allPages(core, {}, 5)).toEqual(truth(core, {}));
    } finally {
      core.close();
    }
  });

  it('keep covering their rows after retention: empty blocks go, the rest are recomputed', () => {
    const clock = new ManualClock(now);
    const core = createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false });
    try {
      seedOutOfOrder(core);
      core.settings.set('telemetry.retentionDays', 5);
      const pruned = core.telemetry.prune();
      expect(pruned.rows).toBeGreaterThan(6_000);
      expect(storedBounds(core)).toEqual(boundsFromRows(core));
      const q = { from: now - 6 * day };
      expect(allPages(core, q, 500)).toEqual(truth(core, q));
    } finally {
      core.close();
    }
  });

  it('read each block by its rowid range, never through an automatic index', () => {
    const core = createCore({ dataDir: tempDir(), env: {}, logToFile: false });
    try {
      const plan = core.db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM ${rowsInTimeSql} AND level IN ('info', 'warn') AND fingerprint = ?`).all(0, 1, 0, 1, 'f') as { detail: string }[];
      const details = plan.map((p) => p.detail).join(' | ');
      expect(details).toContain('USING INDEX telemetry_blocks_max_ts');
      expect(details).toContain('SEARCH t USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
      expect(details).not.toContain('AUTOMATIC');
    } finally {
      core.close();
    }
  });
});
