import { describe, expect, it } from 'vitest';
import { dailySeries, dayFormatter, quarterHourMs } from './daily';

const bucket = (at: number) => Math.floor(at / quarterHourMs);

describe('daily series', () => {
  it('walks calendar days across a DST change: no day lost or doubled', () => {
    // Europe/Berlin moves to summer time on 29 March 2026 (a 23-hour day)
    const from = Date.UTC(2026, 2, 27, 23, 0); // 28 March 00:00 in Berlin
    const to = Date.UTC(2026, 2, 30, 22, 0); // 31 March 00:00 in Berlin (summer time)
    const runs = [
      { bucket: bucket(Date.UTC(2026, 2, 28, 22, 30)), status: 'succeeded', n: 2 }, // 28 March 23:30 Berlin
      { bucket: bucket(Date.UTC(2026, 2, 28, 23, 15)), status: 'failed', n: 1 }, // 29 March 00:15 Berlin
      { bucket: bucket(Date.UTC(2026, 2, 29, 21, 45)), status: 'queued', n: 1 }, // 29 March 23:45 Berlin (CEST)
      { bucket: bucket(Date.UTC(2026, 2, 29, 22, 0)), status: 'cancelled', n: 1 }, // 30 March 00:00 Berlin
    ];
    expect(dailySeries(runs, from, to, 'Europe/Berlin')).toEqual([
      { day: '2026-03-28', succeeded: 2, failed: 0, rejected: 0, cancelled: 0, other: 0 },
      { day: '2026-03-29', succeeded: 0, failed: 1, rejected: 0, cancelled: 0, other: 1 },
      { day: '2026-03-30', succeeded: 0, failed: 0, rejected: 0, cancelled: 1, other: 0 },
    ]);
  });

  it('quarter-hour offsets (Kathmandu, UTC+5:45) land on the right day', () => {
    const midnight = Date.UTC(2026, 0, 9, 18, 15); // 10 January 00:00 in Kathmandu
    const series = dailySeries(
      [
        { bucket: bucket(midnight - 1), status: 'succeeded', n: 1 },
        { bucket: bucket(midnight), status: 'succeeded', n: 1 },
      ],
      midnight - 86_400_000,
      midnight + 86_400_000,
      'Asia/Kathmandu',
    );
    expect(series.map((d) => [d.day, d.succeeded])).toEqual([
      ['2026-01-09', 1],
      ['2026-01-10', 1],
    ]);
  });

  it('names the timezone when it is not one', () => {
    expect(() => dayFormatter('Nowhere/Else')).toThrow(/^timezone: "Nowhere\/Else" is not an IANA timezone/);
    expect(dayFormatter('UTC')(Date.UTC(2026, 4, 1, 23, 59))).toBe('2026-05-01');
  });
});
