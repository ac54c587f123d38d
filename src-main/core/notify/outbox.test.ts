import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/dispatcher';
import type { Notice } from '../../../shared/contract/notify';
import type { OsNotifier } from './channel';
import { backoffMs, leaseMs } from './deliver-row';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function setup(os: OsNotifier, options: { dataDir?: string; start?: number } = {}) {
  const t = notifyCore({ os, ...options });
  open.push(t);
  t.core.background.start();
  return t;
}

/** A notice straight into the outbox, as a rule makes it. */
function send(t: NotifyTestCore, key: string, title = key) {
  return t.core.notify.send({ key, title, body: `about ${key}`, area: 'guardian', at: t.clock.now() }, ['os']);
}

describe('the notification outbox', () => {
  it('delivers a notice once, and never again however long it runs', async () => {
    const os = new RecordingNotifier();
    const t = setup(os);
    send(t, 'a');
    await t.timer.runDue();
    await t.timer.advance(60 * 60_000);
    expect(os.shown.map((n) => n.title)).toEqual(['a']);
    const [row] = t.core.notify.outbox({ limit: 10 });
    expect(row).toMatchObject({ channel: 'os', state: 'sent', attempts: 1, nextAttemptAt: null, lastError: null, sentAt: t.clock.now() - 60 * 60_000 });
  });

  it('retries a failing channel with backoff, then delivers', async () => {
    const os = new RecordingNotifier();
    let failures = 2;
    os.fail = () => (failures-- > 0 ? 'notification service busy' : undefined);
    const t = setup(os);
    const start = t.clock.now();
    send(t, 'a');
    await t.timer.runDue();
    expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: start + backoffMs(1), lastError: 'notification service busy' });
    await t.timer.advance(backoffMs(1) - 1);
    expect(t.core.notify.outbox({ limit: 1 })[0]?.attempts).toBe(1);
    await t.timer.advance(1);
    expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: start + backoffMs(1) + backoffMs(2) });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    await t.timer.advance(backoffMs(2));
    expect(os.shown.map((n) => n.title)).toEqual(['a']);
    expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'sent', attempts: 3, sentAt: start + backoffMs(1) + backoffMs(2) });
  });

  it('gives a channel that keeps failing up as failed; notify.retry sends it again from its first attempt', async () => {
    const os = new RecordingNotifier();
    os.fail = () => 'no notification daemon';
    const t = setup(os);
    send(t, 'a');
    await t.timer.advance(24 * 60 * 60_000);
    const [failed] = t.core.notify.outbox({ state: 'failed', limit: 10 });
    expect(failed).toMatchObject({ state: 'failed', attempts: 6, nextAttemptAt: null, lastError: 'no notification daemon' });
    expect(os.shown).toEqual([]);

    const api = createDispatcher(t.core);
    os.fail = undefined;
    expect(await api.call('notify.retry', { id: failed!.id })).toMatchObject({ ok: true, value: { state: 'pending', attempts: 0 } });
    await t.timer.runDue();
    expect(os.shown.map((n) => n.title)).toEqual(['a']);
    expect(await api.call('notify.outbox', { state: 'sent' })).toMatchObject({ ok: true, value: { rows: [{ id: failed!.id, attempts: 1 }] } });
    // a sent row is never sent again
    expect(await api.call('notify.retry', { id: failed!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'id', message: expect.stringContaining('never sent again') } });
    expect(await api.call('notify.retry', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    expect(await api.call('notify.outbox', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'limit' } });
    expect(await api.call('notify.outbox', { state: 'lost' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'state' } });
    expect(os.shown).toHaveLength(1);
  });

  it('skips a channel the system cannot serve, with the reason', async () => {
    const t = setup({ isSupported: () => false, show: () => undefined });
    send(t, 'a');
    await t.timer.runDue();
    expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'skipped', attempts: 1, lastError: 'this system shows no notifications', sentAt: null });
  });

  it('survives a restart: pending rows are delivered by the next start, sent rows are not sent again', async () => {
    const before = new RecordingNotifier();
    before.fail = (n) => (n.title === 'later' ? 'busy' : undefined);
    const first = setup(before);
    send(first, 'now');
    send(first, 'later');
    await first.timer.runDue();
    expect(before.shown.map((n) => n.title)).toEqual(['now']);
    first.close();

    const after = new RecordingNotifier();
    const second = setup(after, { dataDir: first.dataDir, start: first.clock.now() + 60 * 60_000 });
    await second.timer.runDue();
    expect(after.shown.map((n) => n.title)).toEqual(['later']);
    expect(second.core.notify.outbox({ limit: 10 }).map((r) => [r.notice.title, r.state])).toEqual([
      ['later', 'sent'],
      ['now', 'sent'],
    ]);
  });

  it('a notice recorded while nothing delivers (a CLI command) goes out at the next start', async () => {
    const quiet = notifyCore({ os: new RecordingNotifier() });
    open.push(quiet);
    send(quiet, 'from the cli');
    quiet.close();
    const os = new RecordingNotifier();
    const app = setup(os, { dataDir: quiet.dataDir });
    await app.timer.runDue();
    expect(os.shown.map((n) => n.title)).toEqual(['from the cli']);
  });

  it('a delivery cut off by a crash is taken up again once its lease runs out', async () => {
    let finish = () => undefined as void;
    const hanging: OsNotifier = { show: () => new Promise<void>((resolve) => (finish = resolve)) };
    const first = setup(hanging);
    send(first, 'a');
    await first.timer.runDue();
    first.close();
    // the attempt ends after core closed: it touches neither the closed database nor the closed log
    finish();
    await first.timer.runDue();

    const os = new RecordingNotifier();
    const second = setup(os, { dataDir: first.dataDir, start: first.clock.now() });
    await second.timer.runDue();
    expect(os.shown).toEqual([]);
    await second.timer.advance(leaseMs);
    expect(os.shown.map((n: Notice) => n.title)).toEqual(['a']);
    expect(second.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('picks up rows another process wrote, at its next poll', async () => {
    const os = new RecordingNotifier();
    const app = setup(os);
    await app.timer.runDue(); // its first pass found nothing
    const cli = notifyCore({ dataDir: app.dataDir, start: app.clock.now() });
    open.push(cli);
    send(cli, 'written elsewhere');
    await app.timer.runDue();
    expect(os.shown).toEqual([]);
    await app.timer.advance(30_000);
    expect(os.shown.map((n) => n.title)).toEqual(['written elsewhere']);
  });
});
