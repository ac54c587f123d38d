import { describe, expect, it } from 'vitest';
import { countLabel } from './count-label';

describe('explorer count label', () => {
  it('shows the total matching rows beside how many are loaded', () => {
    expect(countLabel({ loaded: 200, more: true, total: 1_234_567, capped: false, filtered: false })).toBe('1,234,567 rows · 200 loaded, more load as you scroll');
    expect(countLabel({ loaded: 137, more: false, total: 137, capped: false, filtered: true })).toBe('137 rows match');
    expect(countLabel({ loaded: 1, more: false, total: 1, capped: false, filtered: false })).toBe('1 row');
    expect(countLabel({ loaded: 200, more: true, total: 100_000, capped: true, filtered: true })).toBe('100,000+ rows match · 200 loaded, more load as you scroll');
    expect(countLabel({ loaded: 0, more: false, total: 0, capped: false, filtered: true })).toBe('No matching rows');
  });
});
