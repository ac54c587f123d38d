import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-axis';

describe('the Guardian charts\u2019 time axis', () => {
  it('puts a handful of ticks at round steps inside the window', () => {
    const to = Date.UTC(2026, 5, 1, 12, 7);
    for (const span of [3_600_000, 86_400_000, 7 * 86_400_000, 30 * 86_400_000]) {
      const ticks = timeTicks(to - span, to);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks[0]!).toBeGreaterThanOrEqual(to - span);
      expect(ticks.at(-1)!).toBeLessThanOrEqual(to);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks.every((t, i) => i === 0 || t - ticks[i - 1]! === step)).toBe(true);
    }
    expect(timeTicks(5, 5)).toEqual([]);
  });
});
