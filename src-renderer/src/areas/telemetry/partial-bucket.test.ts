import { describe, expect, it } from 'vitest';
import { splitPartial } from './partial-bucket';

const hour = 3_600_000;

describe('the partial bucket of a chart', () => {
  it('splits the still-filling last hour off, joined to the hour before it', () => {
    const now = 10 * hour + 15 * 60_000;
    const points = [8, 9, 10].map((h) => ({ x: h * hour, y: h === 10 ? 5 : 100 }));
    expect(splitPartial(points, 'hour', now)).toEqual({
      data: [
        { x: 8 * hour, y: 100, partial: null },
        { x: 9 * hour, y: 100, partial: 100 },
        { x: 10 * hour, y: null, partial: 5 },
      ],
      partialFrom: 10 * hour,
      elapsed: 15 * 60_000,
    });
  });

  it('leaves a series whose buckets are all complete as it is', () => {
    const points = [{ x: 0, y: 1 }, { x: hour, y: 2 }];
    expect(splitPartial(points, 'hour', 2 * hour)).toEqual({ data: [{ x: 0, y: 1, partial: null }, { x: hour, y: 2, partial: null }] });
    expect(splitPartial([], 'minute', 5)).toEqual({ data: [] });
  });
});
