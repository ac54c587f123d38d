import { describe, expect, it } from 'vitest';
import { monthShare, type Cycled } from './proration';

const cost = (over: Partial<Cycled>): Cycled => ({ amountMinor: 3000, cycle: 'monthly', startDate: '2026-01-01', endDate: null, ...over });

describe('a recurring cost’s share of a month', () => {
  it('monthly: the whole amount for a whole month, by the day when it starts or ends inside one', () => {
    expect(monthShare(cost({}), '2026-04')).toBe(3000);
    // from the 16th of a 30-day month: 15 days, 3000 × 15 / 30
    expect(monthShare(cost({ startDate: '2026-11-16' }), '2026-11')).toBe(1500);
    // to the 10th of a 31-day month, both ends included: 3000 × 10 / 31
    expect(monthShare(cost({ endDate: '2026-03-10' }), '2026-03')).toBeCloseTo(967.742, 3);
    // starting and ending inside February 2028 (29 days): the 5th to the 18th is 14 days, 3000 × 14 / 29
    expect(monthShare(cost({ startDate: '2028-02-05', endDate: '2028-02-18' }), '2028-02')).toBeCloseTo(1448.276, 3);
    // a single day: 3000 / 31
    expect(monthShare(cost({ startDate: '2026-07-31', endDate: '2026-07-31' }), '2026-07')).toBeCloseTo(96.774, 3);
  });

  it('nothing before its start or after its end', () => {
    expect(monthShare(cost({ startDate: '2026-05-01' }), '2026-04')).toBe(0);
    expect(monthShare(cost({ endDate: '2026-03-31' }), '2026-04')).toBe(0);
  });

  it('yearly: a twelfth a month, prorated by the day the same way', () => {
    expect(monthShare(cost({ cycle: 'yearly', amountMinor: 12000 }), '2026-09')).toBe(1000);
    // from 2026-09-21 in a 30-day month: 10 days of 1000
    expect(monthShare(cost({ cycle: 'yearly', amountMinor: 12000, startDate: '2026-09-21' }), '2026-09')).toBeCloseTo(333.333, 3);
    expect(monthShare(cost({ cycle: 'yearly', amountMinor: 12000, endDate: '2026-12-31' }), '2027-01')).toBe(0);
  });

  it('one-off: the whole amount in the month it starts, none before or after, the end date ignored', () => {
    const once = cost({ cycle: 'one-off', amountMinor: 5000, startDate: '2026-11-02', endDate: '2026-11-02' });
    expect(monthShare(once, '2026-11')).toBe(5000);
    expect(monthShare(once, '2026-10')).toBe(0);
    expect(monthShare(once, '2026-12')).toBe(0);
  });
});
