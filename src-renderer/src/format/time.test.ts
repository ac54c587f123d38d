import { describe, expect, it } from 'vitest';
import { formatAgo, formatLatency, formatRelative, formatTick, makeTimeFormat } from './time';

/** 14:05:09.123 on 7 Dec 2026 in Kathmandu (UTC+5:45): proves the time zone is applied. */
const at = Date.UTC(2026, 11, 7, 8, 20, 9, 123);
const gb = makeTimeFormat('en-GB', 'Asia/Kathmandu');
const us = makeTimeFormat('en-US', 'Asia/Kathmandu');

describe('time formatting', () => {
  it.each([
    [0.5, '0.50 ms'],
    [250, '250 ms'],
    [1500, '1.50 s'],
    [150_000, '2.5 min'],
  ])('a latency of %s ms reads %s', (ms, text) => expect(formatLatency(ms)).toBe(text));

  it.each([
    [1000, 'just now'],
    [90_000, '2 min ago'],
    [3 * 3_600_000, '3 h ago'],
  ])('an age of %s ms reads %s', (ms, text) => expect(formatAgo(ms)).toBe(text));

  it('says future moments as "in …" and near ones as "just now"', () => {
    expect([formatRelative(at, at + 180_000), formatRelative(at + 7_200_000, at), formatRelative(at + 2_000, at)]).toEqual(['3 min ago', 'in 2 h', 'just now']);
  });

  it('writes one style per locale, in its time zone, the month as a word', () => {
    expect([gb.time(at), gb.timeExact(at), gb.timeExact(at, true), gb.day(at), gb.dayShort(at), gb.clock(at), gb.clockShort(at)]).toEqual([
      '7 Dec 2026, 14:05',
      '7 Dec 2026, 14:05:09',
      '7 Dec 2026, 14:05:09.123',
      '7 Dec 2026',
      '7 Dec',
      '14:05:09',
      '14:05',
    ]);
    expect(us.time(at)).toBe('Dec 7, 2026, 2:05 PM');
  });

  it('ticks show the time of day up to two days, else the day', () => {
    expect([formatTick(at, 3_600_000, gb), formatTick(at, 7 * 86_400_000, gb)]).toEqual(['14:05', '7 Dec']);
  });
});
