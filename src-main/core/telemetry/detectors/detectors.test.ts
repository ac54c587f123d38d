import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { traffic, type TrafficRow } from '../../../../tests/helpers/traffic';
import { createCore, ManualClock, type Core } from '../..';

const minute = 60_000;
const hour = 60 * minute;
const end = Date.UTC(2026, 2, 10, 12, 0, 0);

function setup(): { core: Core; clock: ManualClock } {
  const clock = new ManualClock(end);
  return { core: createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false }), clock };
}

function ingest(core: Core, rows: Iterable<TrafficRow>): void {
  let batch: TrafficRow[] = [];
  for (const r of rows) {
    batch.push(r);
    if (batch.length === 50_000) {
      core.telemetry.ingestValues(batch);
      batch = [];
    }
  }
  core.telemetry.ingestValues(batch);
}

/** 26 hours of steady traffic up to `to`. */
function clean(core: Core, to = end, seed = 7): void {
  ingest(core, traffic(to - 26 * hour, to, { perMinute: 60, seed }));
}

describe('anomaly detectors', () => {
  it('raise no false alarm on clean traffic, wherever in the day they look', () => {
    const { core, clock } = setup();
    clean(core);
    for (let t = end - 2 * hour; t <= end; t += 10 * minute) {
      clock.set(t + 30_000);
      expect(core.telemetry.detect()).toEqual([]);
    }
    expect(core.telemetry.anomalies({ limit: 100 })).toEqual([]);
    core.close();
  });

  it('find injected repeated errors, a slow endpoint, a 5xx burst and a volume spike, with the numbers behind each', () => {
    const { core, clock } = setup();
    clean(core, end + 2 * minute);
    const injected: TrafficRow[] = [];
    for (let i = 0; i < 300; i++) injected.push({ ts: end - 10 * minute + i * 2000, level: 'error', source: 'site', message: `Payment provider timeout for order ${9000 + i}` });
    for (let i = 0; i < 60; i++) injected.push({ ts: end - 15 * minute + i * 15_000, level: 'info', source: 'site', message: 'GET /api/search 200', endpoint: '/api/search', method: 'GET', status: 200, duration_ms: 3_000 + i });
    for (let i = 0; i < 600; i++) {
      injected.push({ ts: end - 70 * minute + i * 7000, level: i % 3 === 0 ? 'error' : 'info', source: 'site', message: i % 3 === 0 ? 'POST /api/checkout failed' : 'POST /api/checkout ok', endpoint: '/api/checkout', method: 'POST', status: i % 3 === 0 ? 503 : 200, duration_ms: 150 });
    }
    for (let i = 0; i < 2_000; i++) injected.push({ ts: end - 4 * minute + (i % 60) * 1000, level: 'info', source: 'site', message: `burst ${i}` });
    ingest(core, injected);
    clock.set(end + 30_000);

    const found = core.telemetry.detect();
    const byKind = (kind: string) => found.filter((a) => a.kind === kind);
    // the payment timeouts, and the new checkout failure message, both repeat far above their (zero) baseline
    expect(byKind('repeated_message')).toHaveLength(2);
    expect(byKind('repeated_message')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'ticket', summary: expect.stringContaining('Payment provider timeout'), numbers: expect.objectContaining({ count: 300, baselineCount: 0, factor: 5 }) }),
        expect.objectContaining({ summary: expect.stringContaining('POST /api/checkout failed') }),
      ]),
    );
    expect(byKind('slow_endpoint')).toEqual([expect.objectContaining({ subject: 'GET /api/search', numbers: expect.objectContaining({ thresholdMs: 1000, requests: expect.any(Number) }) })]);
    expect(byKind('slow_endpoint')[0]!.numbers.p95Ms as number).toBeGreaterThan(2_800);
    expect(byKind('error_burn_rate')).toEqual([
      expect.objectContaining({ subject: 'POST /api/checkout', severity: 'page', numbers: expect.objectContaining({ rule: '14.4× over 1 h and 5 min', slo: 0.999 }) }),
    ]);
    expect(byKind('error_burn_rate')[0]!.numbers.burn_1h as number).toBeGreaterThan(14.4);
    expect(byKind('volume_spike')).toEqual([expect.objectContaining({ subject: 'all', windowStart: end - 4 * minute, numbers: expect.objectContaining({ peakPerMinute: expect.any(Number), medianPerMinute: expect.any(Number) }) })]);
    expect(found.filter((a) => !['repeated_message', 'slow_endpoint', 'error_burn_rate', 'volume_spike'].includes(a.kind))).toEqual([]);

    // stored, and a second run a minute later updates them instead of adding new ones
    clock.advance(minute);
    core.telemetry.detect();
    expect(core.telemetry.anomalies({ limit: 100 })).toHaveLength(found.length);
    core.close();
  });

  it('leave the app\u2019s own log lines out: its retry warnings, its log volume and its failing calls are no anomaly of the founder\u2019s traffic', () => {
    const { core, clock } = setup();
    clean(core, end + 2 * minute);
    const own: TrafficRow[] = [];
    for (let i = 0; i < 300; i++) own.push({ ts: end - 10 * minute + i * 2000, level: 'warn', source: 'app', message: 'remote postgres: retrying' });
    for (let i = 0; i < 2_000; i++) own.push({ ts: end - 4 * minute + (i % 60) * 1000, level: 'info', source: 'app', message: `call ${i}` });
    for (let i = 0; i < 600; i++) own.push({ ts: end - 70 * minute + i * 7000, level: 'error', source: 'app', message: 'call failed', endpoint: '/api/telemetry.sync', method: 'POST', status: 500, duration_ms: 4_000 });
    ingest(core, own);
    clock.set(end + 30_000);
    expect(core.telemetry.detect()).toEqual([]);

    // the app's own lines are a signal of their own; the founder's error rate counts requests
    expect(core.telemetry.appLog(end - hour)).toEqual({ errors: expect.any(Number), warnings: 300 });
    expect(core.telemetry.appLog(end - 2 * hour).errors).toBe(600);
    const requests = core.telemetry.requests(end - hour);
    expect(requests.requests).toBeGreaterThan(3_000);
    expect(requests.serverErrors).toBeLessThan(requests.requests / 100);
    expect(requests.p95Ms).toBeLessThan(4_000);
    core.close();
  });

  it('see a volume drop when traffic stops', () => {
    const { core, clock } = setup();
    clean(core, end - 12 * minute);
    clock.set(end + 30_000);
    expect(core.telemetry.detect()).toEqual([expect.objectContaining({ kind: 'volume_drop', subject: 'all', numbers: expect.objectContaining({ lowestPerMinute: 0 }) })]);
    core.close();
  });
});
