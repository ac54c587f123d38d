import { describe, expect, it } from 'vitest';
import { formatCount } from './number';

describe('number formatting', () => {
  it('groups thousands', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(formatCount(7)).toBe('7');
  });
});
