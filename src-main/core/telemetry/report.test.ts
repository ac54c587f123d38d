import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock } from '..';

const day = 86_400_000;
const d1 = Date.UTC(2026, 6, 1);
const d2 = d1 + day;

describe('daily report', () => {
  it('totals by level, top errors, slowest endpoints and anomalies, each against the day before', async () => {
    const clock = new ManualClock(d2 + day + 3_600_000);
    const core = createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false });
    const rows: unknown[] = [];
    const add = (start: number, n: number, r: Record<string, unknown>) => {
      for (let i = 0; i < n; i++) rows.push({ ts: start + 1000 + i * 1000, ...r });
    };
    add(d1, 100, { level: 'info', message: 'ok', endpoint: '/a', method: 'GET', status: 200, duration_ms: 50 });
    add(d1, 5, { level: 'error', message: 'db timeout after 3000 ms' });
    add(d2, 150, { level: 'info', message: 'ok', endpoint: '/a', method: 'GET', status: 200, duration_ms: 400 });
    add(d2, 20, { level: 'error', message: 'db timeout after 3100 ms' });
    add(d2, 3, { level: 'fatal', message: 'out of memory' });
    add(d2, 40, { level: 'warn', message: 'slow', endpoint: '/b', method: 'POST', status: 500, duration_ms: 2_000 });
    core.telemetry.ingestValues(rows);
    core.db
      .prepare("INSERT INTO telemetry_anomalies (id, kind, severity, subject, summary, window_start, window_end, detected_at, last_seen_at, numbers) VALUES ('a1', 'volume_spike', 'warning', 'all', 's', ?, ?, ?, ?, '{}')")
      .run(d2, d2 + 60_000, d2 + 60_000, d2 + 60_000);

    const r = core.telemetry.report(new Date(d2).toISOString().slice(0, 10));
    expect(r.total).toEqual({ count: 213, previous: 105 });
    expect(r.byLevel.find((l) => l.level === 'error')).toEqual({ level: 'error', count: 20, previous: 5 });
    expect(r.byLevel.find((l) => l.level === 'fatal')).toEqual({ level: 'fatal', count: 3, previous: 0 });
    expect(r.topErrors).toEqual([
      expect.objectContaining({ level: 'error', count: 20, previous: 5, sample: expect.stringContaining('db timeout') }),
      expect.objectContaining({ level: 'fatal', count: 3, previous: 0 }),
    ]);
    expect(r.slowestEndpoints[0]).toMatchObject({ endpoint: '/b', method: 'POST', requests: 40, errors: 40, previousP95Ms: null });
    expect(r.slowestEndpoints[0]!.p95Ms).toBeGreaterThan(1_900);
    expect(r.slowestEndpoints[1]).toMatchObject({ endpoint: '/a', requests: 150, previousRequests: 100 });
    expect(r.slowestEndpoints[1]!.previousP95Ms!).toBeLessThan(r.slowestEndpoints[1]!.p95Ms);
    expect(r.anomalies).toMatchObject({ count: 1, previous: 0, items: [expect.objectContaining({ id: 'a1' })] });
    // default: yesterday (UTC) by the clock
    expect(core.telemetry.report().date).toBe(new Date(d2).toISOString().slice(0, 10));
    expect(() => core.telemetry.report('2026-02-30')).toThrow(/date: is not a real date/);

    // chart series come from the rollups at the finest grain still kept, downsampled with LTTB
    const volume = core.telemetry.series({ metric: 'volume', from: d1, to: d2 + day, points: 10 });
    expect(volume.grain).toBe('hour');
    expect(volume.points).toHaveLength(10);
    expect(Math.max(...volume.points.map((p) => p.y))).toBeGreaterThan(0);
    const p95 = core.telemetry.series({ metric: 'p95', from: d2, to: d2 + day, endpoint: '/b', points: 500 });
    expect(p95.points).toEqual([{ x: d2, y: expect.closeTo(2000, -2) }]);
    core.close();
  });
});
