import { afterEach, describe, expect, it } from 'vitest';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../../tests/helpers/notify/notify-core';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** A real core whose os notifier records, the briefing at `time` in Europe/London, the background running. */
function setup(start: number, time: string) {
  const os = new RecordingNotifier();
  const t = notifyCore({ os, start, dailyBriefing: true });
  open.push(t);
  t.core.settings.set('logLevel', 'error');
  t.core.settings.set('notify.briefing.timezone', 'Europe/London');
  t.core.settings.set('notify.briefing.time', time);
  t.core.background.start();
  const shown = () => os.shown.map((n) => ({ at: new Date(n.at).toISOString(), title: n.title }));
  /**
   * Moves to half a minute before `iso` at once (the app's many 30-second wake-ups make an
   * hour of timer steps slow), then walks the timer two minutes through it. Any briefing time
   * jumped over would show up, as catch-up, at the first stop.
   */
  const through = async (iso: string) => {
    t.clock.set(Date.parse(iso) - 30_000);
    await t.timer.runDue();
    await t.timer.advance(120_000);
  };
  return { ...t, os, shown, through };
}

describe('the daily briefing on the scheduler', () => {
  it('goes out at notify.briefing.time in its timezone, through the outbox to the system notification', async () => {
    const { timer, clock, os, shown, core, through } = setup(Date.UTC(2026, 5, 1, 6), '08:00'); // 07:00 BST
    clock.set(Date.UTC(2026, 5, 1, 6, 58, 30));
    await timer.runDue();
    await timer.advance(60_000);
    expect(os.shown).toEqual([]);
    await timer.advance(60_000);
    expect(shown()).toEqual([{ at: '2026-06-01T07:00:00.000Z', title: 'Founder briefing, Monday 1 June 2026' }]);
    expect(os.shown[0]).toMatchObject({ area: 'alerts', severity: 'info', body: expect.stringMatching(/^All clear\. Health: |: /) });
    expect(os.shown[0]).not.toHaveProperty('briefing');
    const [row] = core.notify.outbox({ limit: 5 });
    expect(row).toMatchObject({ channel: 'os', state: 'sent', notice: { briefing: { date: '2026-06-01', sections: expect.any(Array) } } });
    expect(core.briefing.nextAt()).toBe(Date.UTC(2026, 5, 2, 7));
    await through('2026-06-02T07:00:00.000Z');
    expect(shown().map((s) => s.at)).toEqual(['2026-06-01T07:00:00.000Z', '2026-06-02T07:00:00.000Z']);
  });

  it('after the machine slept through several briefing times, sends one when it wakes, not one per missed day', async () => {
    const { timer, clock, shown, through } = setup(Date.UTC(2026, 5, 1, 6), '08:00');
    await through('2026-06-01T07:00:00.000Z');
    expect(shown()).toHaveLength(1);
    clock.set(Date.UTC(2026, 5, 4, 10)); // asleep from Monday 08:01 to Thursday 11:00 BST: no timer ran
    await timer.runDue();
    await timer.advance(60_000);
    expect(shown()).toEqual([
      { at: '2026-06-01T07:00:00.000Z', title: 'Founder briefing, Monday 1 June 2026' },
      { at: '2026-06-04T10:00:00.000Z', title: 'Founder briefing, Thursday 4 June 2026' },
    ]);
    await through('2026-06-04T12:00:00.000Z');
    expect(shown()).toHaveLength(2);
  });

  it('a restart after the briefing was sent does not send it again; a restart that missed it sends it once', async () => {
    const first = setup(Date.UTC(2026, 5, 1, 6), '08:00');
    await first.through('2026-06-01T07:00:00.000Z');
    expect(first.shown()).toHaveLength(1);
    first.close();
    const os = new RecordingNotifier();
    const again = notifyCore({ os, dataDir: first.dataDir, start: first.clock.now(), dailyBriefing: true });
    open.push(again);
    again.core.background.start();
    await again.timer.advance(120_000);
    expect(os.shown).toEqual([]);
    again.close();
    const later = notifyCore({ os, dataDir: first.dataDir, start: Date.UTC(2026, 5, 2, 12), dailyBriefing: true });
    open.push(later);
    later.core.background.start();
    await later.timer.advance(60_000);
    expect(os.shown.map((n) => n.title)).toEqual(['Founder briefing, Tuesday 2 June 2026']);
  });

  it('a local time that occurs twice when DST ends is one briefing; one skipped when DST starts still goes out', async () => {
    const autumn = setup(Date.UTC(2026, 9, 24, 12), '01:30'); // clocks go back at 02:00 BST on Sunday 25 October
    await autumn.through('2026-10-25T00:30:00.000Z'); // 01:30 BST
    await autumn.through('2026-10-25T01:30:00.000Z'); // 01:30 GMT, the same local time again
    await autumn.through('2026-10-26T01:30:00.000Z');
    expect(autumn.shown().map((s) => s.at)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    const spring = setup(Date.UTC(2026, 2, 28, 12), '01:30'); // clocks go forward at 01:00 GMT on Sunday 29 March: 01:30 never happens
    await spring.through('2026-03-29T01:00:00.000Z');
    await spring.through('2026-03-30T00:30:00.000Z');
    expect(spring.shown().map((s) => s.at)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('follows a changed time at once, and an empty channel list turns it off', async () => {
    const { core, shown, through } = setup(Date.UTC(2026, 5, 1, 6), '08:00');
    core.settings.set('notify.briefing.time', '09:15');
    await through('2026-06-01T07:00:00.000Z');
    expect(shown()).toEqual([]);
    await through('2026-06-01T08:15:00.000Z');
    expect(shown().map((s) => s.at)).toEqual(['2026-06-01T08:15:00.000Z']);
    core.settings.set('notify.briefing.channels', []);
    expect(core.briefing.nextAt()).toBeUndefined();
    await through('2026-06-02T08:15:00.000Z');
    expect(shown()).toHaveLength(1);
  });

  it('refuses a time, timezone or channel list that breaks its rule, naming the setting and changing nothing', () => {
    const { core } = setup(Date.UTC(2026, 5, 1, 6), '08:00');
    expect(() => core.settings.set('notify.briefing.time', '8am')).toThrow('Briefing time must be a time of day written HH:MM on the 24-hour clock, such as 08:00');
    expect(() => core.settings.set('notify.briefing.time', '24:00')).toThrow(/Briefing time must be a time of day/);
    expect(() => core.settings.set('notify.briefing.timezone', 'Mars/Olympus')).toThrow('Briefing timezone must be an IANA timezone such as Europe/London or America/New_York, or empty for this machine\u2019s timezone');
    expect(() => core.settings.set('notify.briefing.channels', ['os', 'os'])).toThrow(/Briefing channels must be a list of channel ids/);
    expect(() => core.settings.set('notify.briefing.channels', 'OS!')).toThrow(/Briefing channels must be a list of channel ids/);
    expect(core.settings.get('notify.briefing.time')).toBe('08:00');
    expect(core.settings.get('notify.briefing.timezone')).toBe('Europe/London');
    expect(core.settings.set('notify.briefing.channels', 'os, telegram').value).toEqual(['os', 'telegram']);
  });
});
