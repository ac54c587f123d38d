import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtual-range';

describe('visibleRange', () => {
  it('renders only the rows on screen plus overscan', () => {
    expect(visibleRange(0, 300, 30, 100_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(30_000, 300, 30, 100_000, 5)).toEqual({ start: 995, end: 1015 });
    expect(visibleRange(3_000_000, 300, 30, 100_000, 5)).toEqual({ start: 99_995, end: 100_000 });
    expect(visibleRange(0, 300, 30, 0, 5)).toEqual({ start: 0, end: 0 });
  });
});
