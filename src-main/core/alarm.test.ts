import { describe, expect, it } from 'vitest';
import { Alarm } from './alarm';
import { ManualClock } from './clock';
import { ManualTimer } from './timer';

function setup() {
  const clock = new ManualClock(1_000);
  const timer = new ManualTimer(clock);
  return { clock, timer, alarm: new Alarm(timer, clock) };
}

describe('Alarm', () => {
  it('goes off once at its time, and forgets itself before calling back', async () => {
    const { timer, alarm } = setup();
    const seen: Array<[number | undefined, boolean]> = [];
    alarm.setAt(1_500, () => seen.push([alarm.at, alarm.pending]));
    expect([alarm.at, alarm.pending]).toEqual([1_500, true]);
    await timer.advance(499);
    expect(seen).toEqual([]);
    await timer.advance(1);
    expect(seen).toEqual([[undefined, false]]);
    await timer.advance(10_000);
    expect(seen).toHaveLength(1);
  });

  it('keeps one wake-up: setting it again replaces the one before, clear cancels it', async () => {
    const { timer, alarm } = setup();
    const fired: string[] = [];
    alarm.setIn(100, () => fired.push('first'));
    alarm.setIn(300, () => fired.push('second'));
    expect(alarm.at).toBe(1_300);
    expect(timer.size).toBe(1);
    await timer.advance(1_000);
    expect(fired).toEqual(['second']);
    alarm.setIn(100, () => fired.push('third'));
    alarm.clear();
    expect([alarm.at, alarm.pending, timer.size]).toEqual([undefined, false, 0]);
    await timer.advance(1_000);
    expect(fired).toEqual(['second']);
  });

  it('goes off at once for a time already passed, and may be set again from its callback', async () => {
    const { timer, alarm } = setup();
    let calls = 0;
    const again = () => {
      calls++;
      if (calls < 3) alarm.setIn(50, again);
    };
    alarm.setAt(10, again);
    expect(alarm.at).toBe(10);
    await timer.runDue();
    expect(calls).toBe(1);
    await timer.advance(100);
    expect(calls).toBe(3);
    expect(alarm.pending).toBe(false);
  });
});
