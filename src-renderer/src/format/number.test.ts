import { describe, expect, it } from 'vitest';
import { formatCount, numberFromText } from './number';

describe('number formatting', () => {
  it('groups thousands', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(formatCount(7)).toBe('7');
  });

  it('reads typed numbers, and leaves other text as typed', () => {
    expect([numberFromText(' -5 '), numberFromText('0.999'), numberFromText('1e3')]).toEqual([-5, 0.999, 1000]);
    expect([numberFromText('99.9%'), numberFromText('ten'), numberFromText('')]).toEqual(['99.9%', 'ten', '']);
  });
});
