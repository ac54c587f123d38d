import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/helpers/temp-dir';
import { createCore, ManualClock, type Core } from '../..';

const minute = 60_000;
const start = Date.UTC(2026, 4, 1, 0, 0, 0);

/** 100 requests a minute to one endpoint; `failing(minuteIndex)` of them answer 500. */
function run(core: Core, clock: ManualClock, fromMinute: number, toMinute: number, failing: (m: number) => number): void {
  const rows: unknown[] = [];
  for (let m = fromMinute; m < toMinute; m++) {
    const bad = failing(m);
    for (let i = 0; i < 100; i++) rows.push({ ts: start + m * minute + i * 500, level: i < bad ? 'error' : 'info', message: 'POST /api/pay', endpoint: '/api/pay', method: 'POST', status: i < bad ? 500 : 200, duration_ms: 20 });
  }
  clock.set(start + toMinute * minute - 1);
  core.telemetry.ingestValues(rows);
}

function burn(core: Core) {
  return core.telemetry.detect().filter((a) => a.kind === 'error_burn_rate');
}

function setup() {
  const clock = new ManualClock(start);
  return { clock, core: createCore({ dataDir: tempDir(), env: {}, clock, logToFile: false }) };
}

describe('multi-window burn-rate alerts (SLO 99.9%)', () => {
  it('page at 14.4× only when both the 1 h and the 5 min windows burn that fast', () => {
    const { core, clock } = setup();
    run(core, clock, 0, 120, () => 0);
    // a 5 minute burst of 10% errors: the 5 min window burns 100×, the hour only ~8×
    run(core, clock, 120, 125, () => 10);
    expect(burn(core).filter((a) => a.severity === 'page')).toEqual([]);
    // 2% errors for most of an hour: both windows above 14.4×
    run(core, clock, 125, 180, () => 2);
    const page = burn(core);
    expect(page).toEqual([expect.objectContaining({ severity: 'page', subject: 'POST /api/pay', numbers: expect.objectContaining({ rule: '14.4× over 1 h and 5 min' }) })]);
    expect(page[0]!.numbers.burn_1h as number).toBeGreaterThanOrEqual(14.4);
    expect(page[0]!.numbers.burn_5m as number).toBeCloseTo(20, 5);
    // errors stop: within 5 minutes the short window clears and the page stops, though the hour still burns
    run(core, clock, 180, 186, () => 0);
    const after = burn(core);
    expect(after.filter((a) => a.numbers.rule === '14.4× over 1 h and 5 min')).toEqual([]);
    core.close();
  });

  it('page at 6× over 6 h and 30 min', () => {
    const { core, clock } = setup();
    run(core, clock, 0, 60, () => 0);
    run(core, clock, 60, 60 + 6 * 60, (m) => (m % 10 === 0 ? 7 : 0)); // 0.7% → 7×
    const found = burn(core);
    expect(found).toEqual([expect.objectContaining({ severity: 'page', numbers: expect.objectContaining({ rule: '6× over 6 h and 30 min' }) })]);
    expect(found[0]!.numbers.burn_6h as number).toBeGreaterThanOrEqual(6);
    expect(found[0]!.numbers.burn_1h as number).toBeLessThan(14.4);
    core.close();
  });

  it('open a ticket at 3× over 1 day and 2 h, and nothing below', () => {
    const { core, clock } = setup();
    run(core, clock, 0, 1440, (m) => (m % 25 === 0 ? 10 : 0)); // 0.4% → 4×
    expect(burn(core)).toEqual([expect.objectContaining({ severity: 'ticket', numbers: expect.objectContaining({ rule: '3× over 1 day and 2 h' }) })]);

    const quiet = setup();
    run(quiet.core, quiet.clock, 0, 1440, (m) => (m % 50 === 0 ? 10 : 0)); // 0.2% → 2×
    expect(burn(quiet.core)).toEqual([]);
    core.close();
    quiet.core.close();
  });
});
