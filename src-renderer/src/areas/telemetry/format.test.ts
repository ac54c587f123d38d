import { describe, expect, it } from 'vitest';
import { delta, yesterdayUtc } from './format';

describe('telemetry formatting', () => {
  it('compares a figure with the day before', () => {
    expect(delta(12, 10)).toEqual({ direction: 'up', text: '+2', percent: '+20%' });
    expect(delta(5, 10)).toEqual({ direction: 'down', text: '\u22125', percent: '\u221250%' });
    expect(delta(3, 3)).toEqual({ direction: 'same', text: '\u00b10', percent: '\u00b10%' });
    expect(delta(4, 0)).toEqual({ direction: 'up', text: '+4' });
  });

  it('names the report day', () => {
    expect(yesterdayUtc(Date.UTC(2026, 0, 1, 0, 30))).toBe('2025-12-31');
  });
});
