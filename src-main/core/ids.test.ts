import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('carries the millisecond time, the version and variant bits, and sorts by creation', () => {
    const ms = Date.UTC(2031, 6, 1, 12, 0, 0, 7);
    const id = uuidv7(ms);
    expect(id).toMatch(v7);
    expect(id.replace(/-/g, '').slice(0, 12)).toBe(ms.toString(16).padStart(12, '0'));
    // same millisecond, an earlier time, thousands in a row: still strictly increasing
    let prev = id;
    for (let i = 0; i < 10_000; i++) {
      const next = uuidv7(ms + Math.floor(i / 5_000) - (i % 7 === 0 ? 3 : 0));
      expect(next).toMatch(v7);
      expect(next > prev).toBe(true);
      prev = next;
    }
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(ms + 5)).map((x) => x.slice(19))).size).toBe(1000);
  });
});
