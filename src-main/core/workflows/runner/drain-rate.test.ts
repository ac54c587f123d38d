import { describe, expect, it } from 'vitest';
import { DrainRate } from './drain-rate';

describe('DrainRate: Retry-After from the pace runs end', () => {
  it('counts ends over the last ten seconds and says how long a backlog takes at that pace', () => {
    let now = 1_000_000;
    const rate = new DrainRate(() => now);
    expect(rate.secondsFor(5)).toBe(10);
    for (let i = 0; i < 40; i++) rate.ended();
    now += 1500;
    for (let i = 0; i < 60; i++) rate.ended();
    expect(rate.perSecond()).toBe(10);
    expect(rate.secondsFor(25)).toBe(3);
    expect(rate.secondsFor(1)).toBe(1);
    now += 9_000;
    // the first second's forty have left the window
    expect(rate.perSecond()).toBe(6);
    now += 60_000;
    expect(rate.perSecond()).toBe(0);
    expect(rate.secondsFor(3)).toBe(10);
  });
});
