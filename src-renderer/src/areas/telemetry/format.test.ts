import { describe, expect, it } from 'vitest';
import { delta, formatAgo, formatCount, formatDuration, yesterdayUtc } from './format';
import { visibleRange } from './virtual-range';

describe('telemetry formatting', () => {
  it('compares a figure with the day before', () => {
    expect(delta(12, 10)).toEqual({ direction: 'up', text: '+2', percent: '+20%' });
    expect(delta(5, 10)).toEqual({ direction: 'down', text: '\u22125', percent: '\u221250%' });
    expect(delta(3, 3)).toEqual({ direction: 'same', text: '\u00b10', percent: '\u00b10%' });
    expect(delta(4, 0)).toEqual({ direction: 'up', text: '+4' });
  });

  it('formats counts, durations and ages', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(1500)).toBe('1.50 s');
    expect(formatAgo(90_000)).toBe('2 min ago');
    expect(yesterdayUtc(Date.UTC(2026, 0, 1, 0, 30))).toBe('2025-12-31');
  });
});

describe('visibleRange', () => {
  it('renders only the rows on screen plus overscan', () => {
    expect(visibleRange(0, 300, 30, 100_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(30_000, 300, 30, 100_000, 5)).toEqual({ start: 995, end: 1015 });
    expect(visibleRange(3_000_000, 300, 30, 100_000, 5)).toEqual({ start: 99_995, end: 100_000 });
    expect(visibleRange(0, 300, 30, 0, 5)).toEqual({ start: 0, end: 0 });
  });
});
