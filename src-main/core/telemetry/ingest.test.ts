import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock, type Core } from '..';
import { createDispatcher } from '../../api/dispatcher';

const now = Date.UTC(2026, 2, 10, 12, 0, 0);

function setup(): Core {
  return createCore({ dataDir: tempDir(), env: {}, clock: new ManualClock(now), logToFile: false });
}

const row = (extra: Record<string, unknown> = {}) => JSON.stringify({ ts: now - 60_000, level: 'info', message: 'GET /api/items/42 took 13 ms', ...extra });

function counts(core: Core) {
  const one = (sql: string) => core.db.prepare(sql).pluck().get() as number;
  return {
    rows: one('SELECT count(*) FROM telemetry_logs'),
    rollups: one('SELECT count(*) FROM telemetry_rollup_levels') + one('SELECT count(*) FROM telemetry_rollup_fingerprints') + one('SELECT count(*) FROM telemetry_rollup_endpoints'),
    groups: one('SELECT count(*) FROM telemetry_groups'),
  };
}

describe('telemetry ingest', () => {
  it('stores NDJSON and JSON arrays, fills in id and fingerprint, and rolls up per minute, hour and day', () => {
    const core = setup();
    const ndjson = [row(), '', row({ level: 'error', message: 'Payment 9912 failed', endpoint: '/api/pay', method: 'post', status: 502, duration_ms: 812.5, meta: { order: 9912 } })].join('\n');
    expect(core.telemetry.ingestText(ndjson)).toEqual({ accepted: 2, duplicates: 0 });
    const id = '0190f3a8-7b1c-7d2e-8f00-123456789abc';
    expect(core.telemetry.ingestText(JSON.stringify([JSON.parse(row({ id: id.toUpperCase(), ts: new Date(now - 1000).toISOString() }))]))).toEqual({ accepted: 1, duplicates: 0 });
    const { rows } = core.telemetry.query({ limit: 10 });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ id, ts: now - 1000, source: 'ingest', origin: 'local' });
    const failed = rows.find((r) => r.level === 'error')!;
    expect(failed).toMatchObject({ method: 'POST', status: 502, duration_ms: 812.5, meta: { order: 9912 } });
    expect(failed.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // both info rows share a fingerprint although their numbers differ
    expect(rows[0]!.fingerprint).toBe(rows.find((r) => r !== rows[0] && r.level === 'info')!.fingerprint);
    const levels = core.db.prepare("SELECT grain, sum(n) AS n FROM telemetry_rollup_levels GROUP BY grain ORDER BY grain").all();
    expect(levels).toEqual([
      { grain: 'day', n: 3 },
      { grain: 'hour', n: 3 },
      { grain: 'minute', n: 3 },
    ]);
    core.close();
  });

  it('is idempotent on id: a re-sent batch stores and counts nothing twice', () => {
    const core = setup();
    const batch = [row({ id: '0190f3a8-7b1c-7d2e-8f00-000000000001' }), row({ id: '0190f3a8-7b1c-7d2e-8f00-000000000002' })].join('\n');
    core.telemetry.ingestText(batch);
    const before = counts(core);
    expect(core.telemetry.ingestText(batch)).toEqual({ accepted: 0, duplicates: 2 });
    expect(counts(core)).toEqual(before);
    expect(core.db.prepare("SELECT sum(n) FROM telemetry_rollup_levels WHERE grain = 'minute'").pluck().get()).toBe(2);
    core.close();
  });

  const rejects: Array<[string, string, RegExp]> = [
    ['an unknown level', row({ level: 'verbose' }), /^line 3: level: must be one of trace, debug, info, warn, error, fatal/],
    ['a timestamp far in the future', row({ ts: now + 3_600_000 }), /^line 3: ts: is in the future/],
    ['an invalid UUID', row({ id: 'not-a-uuid' }), /^line 3: id: must be a UUID/],
    ['seconds instead of milliseconds', row({ ts: Math.floor(now / 1000) }), /^line 3: ts: is before 2000-01-01/],
    ['an unknown field', row({ colour: 'red' }), /^line 3: colour: is not a telemetry field/],
    ['a bad status', row({ status: 700 }), /^line 3: status: must be a whole number from 100 to 599/],
    ['a missing message', JSON.stringify({ level: 'info' }), /^line 3: message: is required/],
    ['a line that is not JSON', '{"level": "info", ', /^line 3: row: is not valid JSON/],
  ];
  for (const [what, bad, message] of rejects) {
    it(`rejects a whole batch with ${what}, naming the line and field, storing nothing`, () => {
      const core = setup();
      const batch = [row(), row(), bad, row()].join('\n');
      expect(() => core.telemetry.ingestText(batch)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(message) }));
      expect(counts(core)).toEqual({ rows: 0, rollups: 0, groups: 0 });
      core.close();
    });
  }

  it('names the row of a bad JSON array element, and refuses oversized batches', async () => {
    const core = setup();
    const api = createDispatcher(core);
    const bad = await api.call('telemetry.ingest', { body: `[${row()}, ${row({ level: 'loud' })}]` });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_INPUT', field: 'level', message: expect.stringMatching(/^row 2: level:/) }) });
    const big = Array.from({ length: 10_001 }, () => row()).join('\n');
    expect(await api.call('telemetry.ingest', { body: big })).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(await api.call('telemetry.ingest', { body: '[1,' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'body' } });
    expect(await api.call('telemetry.ingest', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(counts(core).rows).toBe(0);
    core.close();
  });

  it('ingests a file of any size in one transaction: a bad last line leaves nothing', () => {
    const core = setup();
    const dir = tempDir();
    const good = join(dir, 'good.ndjson');
    writeFileSync(good, Array.from({ length: 25_000 }, (_, i) => row({ message: `job ${i} done` })).join('\n') + '\n');
    expect(core.telemetry.ingestFile(good)).toEqual({ accepted: 25_000, duplicates: 0 });
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, Array.from({ length: 30_000 }, () => row()).join('\n') + '\n' + row({ level: 'nope' }));
    expect(() => core.telemetry.ingestFile(bad)).toThrow(/^line 30001: level:/);
    expect(counts(core).rows).toBe(25_000);
    expect(() => core.telemetry.ingestFile(join(dir, 'missing.ndjson'))).toThrow(/path: cannot be read/);
    core.close();
  });

  it('pages through rows newest first with a cursor and filters by level, text and fingerprint', () => {
    const core = setup();
    const lines = Array.from({ length: 250 }, (_, i) => row({ ts: now - 1_000_000 + i * 1000, level: i % 10 === 0 ? 'error' : 'info', message: i % 10 === 0 ? `boom ${i}` : `ok ${i}` }));
    core.telemetry.ingestText(lines.join('\n'));
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = core.telemetry.query({ limit: 100, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.ts));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(250);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const errors = core.telemetry.query({ levels: ['error'], limit: 1000 }).rows;
    expect(errors).toHaveLength(25);
    expect(core.telemetry.query({ text: 'boom 1', limit: 1000 }).rows.map((r) => r.message).sort()).toEqual(['boom 10', 'boom 100', 'boom 110', 'boom 120', 'boom 130', 'boom 140', 'boom 150', 'boom 160', 'boom 170', 'boom 180', 'boom 190']);
    expect(core.telemetry.query({ fingerprint: errors[0]!.fingerprint, limit: 1000 }).rows).toHaveLength(25);
    const groups = core.telemetry.groups({ limit: 10 });
    expect(groups.map((g) => g.count)).toEqual([225, 25]);
    expect(core.telemetry.groups({ from: now - 2_000_000, to: now, levels: ['error'], limit: 10 })).toEqual([expect.objectContaining({ count: 25, level: 'error' })]);
    core.close();
  });
});
