import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at } from '../../../../tests/helpers/stripe-objects';
import { asOfForMonth, monthCloseAt, monthIndexOf, monthKey, monthRange, monthSlot, parseMonthKey } from './months';

describe('months', () => {
  it('names, parses and closes months in UTC', () => {
    const feb = parseMonthKey('2028-02')!;
    expect(monthKey(feb)).toBe('2028-02');
    expect(parseMonthKey('2028-13')).toBeUndefined();
    // leap February closes on the 29th at 23:59:59
    expect(monthCloseAt(feb, at('2030-01-01'))).toBe(at('2028-02-29T23:59:59Z'));
    // the running month closes at asOf
    expect(monthCloseAt(feb, at('2028-02-10'))).toBe(at('2028-02-10'));
  });

  it('finds the slot of an instant the same as its calendar month, at every boundary', () => {
    const range = monthRange(parseMonthKey('2024-01')!, 36);
    expect(monthSlot(range, at('2024-01-01') - 1)).toBe(-1);
    expect(monthSlot(range, at('2024-01-01'))).toBe(0);
    expect(monthSlot(range, at('2024-03-01') - 1)).toBe(1);
    expect(monthSlot(range, at('2024-03-01'))).toBe(2);
    expect(monthSlot(range, at('2027-01-01'))).toBe(-1);
    fc.assert(
      fc.property(fc.integer({ min: at('2023-06-01'), max: at('2027-06-01') }), (t) => {
        const slot = monthIndexOf(t) - range.first;
        expect(monthSlot(range, t)).toBe(slot >= 0 && slot < 36 ? slot : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns a month parameter into the asOf that reads it', () => {
    const now = at('2026-06-15T12:00:00Z');
    expect(asOfForMonth('2026-03', now)).toBe(at('2026-03-31T23:59:59Z'));
    expect(asOfForMonth('2026-06', now)).toBe(now);
    expect(() => asOfForMonth('2026-3', now)).toThrow('month: must be a month written YYYY-MM, such as 2026-03');
    expect(() => asOfForMonth('2026-07', now)).toThrow('month: must not be after this month (2026-06)');
  });
});
