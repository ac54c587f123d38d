import { describe, expect, it } from 'vitest';
import { formatAgo, formatLatency, formatTick, formatTs } from './time';

describe('time formatting', () => {
  it('formats latencies and ages', () => {
    expect(formatLatency(0.5)).toBe('0.50 ms');
    expect(formatLatency(250)).toBe('250 ms');
    expect(formatLatency(1500)).toBe('1.50 s');
    expect(formatLatency(150_000)).toBe('2.5 min');
    expect(formatAgo(90_000)).toBe('2 min ago');
    expect(formatAgo(1000)).toBe('just now');
  });

  it('formats timestamps and chart ticks in local time', () => {
    const at = new Date(2026, 10, 28, 21, 4, 5, 123).getTime();
    expect(formatTs(at)).toBe('2026-11-28 21:04:05.123');
    expect(formatTs(at, false)).toBe('2026-11-28 21:04:05');
    expect(formatTick(at, 3_600_000)).toBe('21:04');
    expect(formatTick(at, 7 * 86_400_000)).toBe('11-28');
  });
});
