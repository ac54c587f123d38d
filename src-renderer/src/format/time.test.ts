import { describe, expect, it } from 'vitest';
import { formatAgo, formatLatency, formatTick, formatTs } from './time';

const at = new Date(2026, 10, 28, 21, 4, 5, 123).getTime();

describe('time formatting', () => {
  it.each([
    [0.5, '0.50 ms'],
    [250, '250 ms'],
    [1500, '1.50 s'],
    [150_000, '2.5 min'],
  ])('a latency of %s ms reads %s', (ms, text) => expect(formatLatency(ms)).toBe(text));

  it.each([
    [1000, 'just now'],
    [90_000, '2 min ago'],
    [3 * 3_600_000, '3 h ago'],
  ])('an age of %s ms reads %s', (ms, text) => expect(formatAgo(ms)).toBe(text));

  it('writes timestamps and chart ticks in local time', () => {
    expect([formatTs(at), formatTs(at, false)]).toEqual(['2026-11-28 21:04:05.123', '2026-11-28 21:04:05']);
    expect([formatTick(at, 3_600_000), formatTick(at, 7 * 86_400_000)]).toEqual(['21:04', '11-28']);
  });
});
