import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/contract/notify';
import { createDispatcher } from '../../api/dispatcher';
import type { ChannelId } from './channels';
import type { NoticeDraft } from './rules';
import { backoffMs } from './deliver-row';
import { notifyCore, runFor, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { scriptedChannel } from '../../../tests/helpers/notify/scripted-channel';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** A core whose outbox has a channel of the test's own, `lane`, with its provider's rate. */
function setup(options: { minIntervalMs?: number; dataDir?: string; start?: number; maxAttempts?: number } = {}) {
  const holder: { now: () => number } = { now: () => 0 };
  const lane = scriptedChannel('lane', { now: () => holder.now() }, options);
  const other = scriptedChannel('other', { now: () => holder.now() });
  const t = notifyCore({ ...options, tuning: { extraChannels: [lane.channel, other.channel] } });
  holder.now = () => t.clock.now();
  open.push(t);
  t.core.background.start();
  return { t, lane, other };
}

function send(t: NotifyTestCore, title: string, extra: Partial<NoticeDraft> = {}, channel = 'lane') {
  return t.core.notify.send({ key: `${title}@${t.clock.now()}`, title, body: `about ${title}`, area: 'guardian', at: t.clock.now(), ...extra }, [channel as ChannelId]);
}

describe('the outbox engine', () => {
  it('keeps a channel to its provider\u2019s rate, across a restart too', async () => {
    const { t, lane } = setup({ minIntervalMs: 1000 });
    for (const title of ['a', 'b', 'c']) send(t, title);
    await runFor(t, 0);
    expect(lane.sent()).toEqual(['a']);
    await runFor(t, 999);
    expect(lane.sent()).toEqual(['a']);
    await runFor(t, 1);
    expect(lane.sent()).toEqual(['a', 'b']);
    t.close();

    const again = setup({ minIntervalMs: 1000, dataDir: t.dataDir, start: t.clock.now() });
    await runFor(again.t, 999);
    expect(again.lane.sent()).toEqual([]);
    await runFor(again.t, 1);
    expect(again.lane.sent()).toEqual(['c']);
  });

  it('counts the rate from when a send started: a late send pushes the next one back', async () => {
    const { t, lane } = setup({ minIntervalMs: 1000 });
    const start = t.clock.now();
    for (const title of ['a', 'b', 'c']) send(t, title);
    await runFor(t, 0);
    // the timer fires 200 ms late (a busy machine): no two sends closer than the provider's rate all the same
    t.clock.advance(1200);
    await runFor(t, 0);
    await runFor(t, 999);
    expect(lane.sent()).toEqual(['a', 'b']);
    await runFor(t, 1);
    expect(lane.attempts.map((a) => [a.notice.title, a.at - start])).toEqual([
      ['a', 0],
      ['b', 1200],
      ['c', 2200],
    ]);
  });

  it('a waiting row holds back its own channel only', async () => {
    const { t, lane, other } = setup();
    lane.answer = (n) => (n.title === 'first' ? { status: 'failed', retryable: true, error: 'busy' } : { status: 'sent', answer: 'ok' });
    send(t, 'first');
    send(t, 'second');
    send(t, 'elsewhere', {}, 'other');
    await runFor(t, 5_000);
    expect(lane.sent()).toEqual([]);
    expect(other.sent()).toEqual(['elsewhere']);
    lane.answer = () => ({ status: 'sent', answer: 'ok' });
    await runFor(t, 60_000);
    expect(lane.sent()).toEqual(['first', 'second']);
  });

  it('backs off with jitter, and gives a row up once it is older than notify.giveUpAfter', async () => {
    const { t, lane } = setup();
    t.core.settings.set('notify.giveUpAfter', 1);
    lane.answer = () => ({ status: 'failed', retryable: true, error: 'HTTP 503' });
    send(t, 'doomed');
    await runFor(t, 2 * 60 * 60_000);
    const [row] = t.core.notify.outbox({ limit: 1 });
    expect(row).toMatchObject({ state: 'failed', lastError: 'gave up after 1 h: HTTP 503' });
    const at = lane.attempts.map((a) => a.at);
    const gaps = at.slice(1).map((x, i) => x - at[i]!);
    expect(gaps.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    // the jitter draws each wait from the upper half of its step, so many rows failing at once spread out
    expect([backoffMs(3, () => 0), backoffMs(3, () => 0.5), backoffMs(3, () => 1)]).toEqual([20_000, 30_000, 40_000]);
    expect(at[at.length - 1]! - at[0]!).toBeGreaterThanOrEqual(60 * 60_000);
    expect(t.core.notify.history(row!.id).attempts).toHaveLength(at.length);
  });

  it('folds repeats of one alert into one message with a count', async () => {
    const { t, lane } = setup();
    send(t, 'shop DOWN', { dedupe: 'monitor:shop' });
    await runFor(t, 60_000);
    send(t, 'shop DOWN', { dedupe: 'monitor:shop' });
    await runFor(t, 60_000);
    send(t, 'shop DOWN', { dedupe: 'monitor:shop' });
    send(t, 'shop DOWN', { dedupe: 'monitor:shop' });
    await runFor(t, 10 * 60_000);
    expect(lane.attempts.map((a) => [a.notice.title, a.notice.count])).toEqual([
      ['shop DOWN', undefined],
      ['shop DOWN', 3],
    ]);
  });

  it('groups ten failures within a minute: the first at once, the others as one digest', async () => {
    const { t, lane } = setup();
    for (let i = 1; i <= 10; i++) {
      send(t, `run ${i} failed`, { group: 'run.failed', severity: i === 5 ? 'critical' : 'warning' });
      await runFor(t, 5_000);
    }
    await runFor(t, 60_000);
    expect(lane.attempts).toHaveLength(2);
    const digest = lane.attempts[1]!.notice;
    expect(digest).toMatchObject({ title: '9 alerts: run 2 failed…', count: 9, severity: 'critical' });
    expect(digest.body.split('\n')).toEqual(Array.from({ length: 9 }, (_, i) => `• run ${i + 2} failed`));
    const merged = t.core.notify.outbox({ state: 'merged', limit: 50 });
    expect(merged).toHaveLength(8);
    expect(new Set(merged.map((r) => r.mergedInto)).size).toBe(1);
    const api = createDispatcher(t.core);
    expect(await api.call('notify.retry', { id: merged[0]!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'id' } });
  });

  it('holds a channel\u2019s notices in its quiet hours, but not critical ones', async () => {
    const late = new Date(2026, 5, 1, 23, 0).getTime();
    const { t, lane, other } = setup({ start: late });
    t.core.settings.set('notify.quietHours', '{"lane": "22:00-07:00"}');
    send(t, 'can wait');
    send(t, 'on fire', { severity: 'critical' });
    send(t, 'not quiet here', {}, 'other');
    await runFor(t, 0);
    expect(lane.sent()).toEqual(['on fire']);
    expect(other.sent()).toEqual(['not quiet here']);
    const morning = new Date(2026, 5, 2, 7, 0).getTime();
    await runFor(t, morning - t.clock.now() - 1);
    expect(lane.sent()).toEqual(['on fire']);
    await runFor(t, 1);
    expect(lane.sent()).toEqual(['on fire', 'can wait']);
  });

  it('refuses quiet hours it cannot read, naming the channel and the rule', () => {
    const { t } = setup();
    for (const bad of ['22-07', '{"lane": "25:00-07:00"}', '{"lane": "07:00-07:00"}', '{"Lane!": "22:00-07:00"}', '["lane"]']) {
      expect(() => t.core.settings.set('notify.quietHours', bad)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('HH:MM-HH:MM') }));
    }
    expect(t.core.settings.get('notify.quietHours')).toEqual({});
  });

  it('pauses alerts (critical ones still go), persists the pause, and resumes', async () => {
    const { t, lane } = setup();
    const api = createDispatcher(t.core);
    const paused = await api.call('notify.pause', { minutes: 60 });
    expect(paused).toEqual({ ok: true, value: { pausedUntil: t.clock.now() + 60 * 60_000 } });
    send(t, 'held');
    send(t, 'urgent', { severity: 'critical' });
    await runFor(t, 30 * 60_000);
    expect(lane.sent()).toEqual(['urgent']);
    t.close();

    const again = setup({ dataDir: t.dataDir, start: t.clock.now() });
    const api2 = createDispatcher(again.t.core);
    expect(await api2.call('notify.status', {})).toEqual(paused);
    await runFor(again.t, 30 * 60_000 - 1);
    expect(again.lane.sent()).toEqual([]);
    await runFor(again.t, 1);
    expect(again.lane.sent()).toEqual(['held']);

    await api2.call('notify.pause', { minutes: 10 });
    send(again.t, 'after resume');
    await runFor(again.t, 1_000);
    expect(await api2.call('notify.resume', {})).toEqual({ ok: true, value: { pausedUntil: null } });
    await runFor(again.t, 0);
    expect(again.lane.sent()).toEqual(['held', 'after resume']);
    for (const minutes of [0, 1.5, 'an hour', 10_081]) {
      expect(await api2.call('notify.pause', { minutes })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'minutes' } });
    }
  });

  it('a notice a channel cannot take is kept with the reason; the stored notice is never trusted', async () => {
    const { t, lane } = setup();
    send(t, 'x', { area: 'no-such-area' as Notice['area'] });
    await runFor(t, 0);
    expect(lane.attempts).toEqual([]);
    expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'failed', lastError: 'the stored notice is not a valid notice' });
  });
});
