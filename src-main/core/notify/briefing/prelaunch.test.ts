import { afterEach, describe, expect, it } from 'vitest';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../../tests/helpers/notify/notify-core';
import { createDispatcher } from '../../../api/dispatcher';

const open: NotifyTestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/**
 * A real core whose briefing goes to the system notification, two outside channels and one
 * that does not exist. slack and telegram are taken as existing (this build lacks their files).
 */
function setup(stage: 'pre-launch' | 'post-launch' = 'pre-launch') {
  const os = new RecordingNotifier();
  const t = notifyCore({ os, stage, briefingChannels: ['slack', 'telegram'] });
  open.push(t);
  t.core.settings.set('logLevel', 'error');
  t.core.settings.set('notify.briefing.timezone', 'UTC');
  t.core.settings.set('notify.briefing.channels', ['os', 'slack', 'telegram', 'pigeon']);
  return { ...t, os };
}

const briefingApprovals = (t: NotifyTestCore, status?: 'pending' | 'approved' | 'rejected' | 'cancelled') => t.core.approvals.list({ kind: 'notify.briefing', limit: 10, ...(status ? { status } : {}) });
/** The outbox rows that carry a briefing (the approval request's own notice is another row). */
const rowsFor = (t: NotifyTestCore) =>
  t.core.notify
    .outbox({ limit: 50 })
    .filter((r) => r.notice.briefing)
    .map((r) => r.channel)
    .sort();

describe('the briefing to outside channels, pre-launch (Class B)', () => {
  it('sends the system notification at once and asks once for the outside channels, showing each one\u2019s rendering', () => {
    const t = setup();
    const { briefing, sent } = t.core.briefing.run(true);
    const [approval] = briefingApprovals(t);
    expect(sent).toEqual([
      { channel: 'pigeon', status: 'unknown-channel' },
      { channel: 'os', status: 'queued' },
      { channel: 'slack', status: 'needs-approval', approvalId: approval!.id },
      { channel: 'telegram', status: 'needs-approval', approvalId: approval!.id },
    ]);
    expect(approval).toMatchObject({ status: 'pending', class: 'B', stage: 'pre-launch', stepType: 'notify.briefing', subject: { kind: 'notify.briefing', ref: `briefing:now:${briefing.at}`, title: 'Send the founder briefing of 2026-06-01 to slack, telegram' } });
    expect(approval!.preview).toMatchObject({ channels: ['slack', 'telegram'], briefing, renderings: { slack: { blocks: expect.any(Array) }, telegram: { html: expect.stringContaining('<b>Founder briefing') } } });
    expect(rowsFor(t)).toEqual(['os']);
    expect(t.core.approvals.auditFor('notify.briefing', approval!.subject.ref)).toMatchObject([{ mode: 'dry-run', decision: 'pre-launch', approvalId: approval!.id }]);
  });

  it('approving queues exactly the previewed briefing for those channels; rejecting sends nothing', async () => {
    const t = setup();
    t.core.briefing.run(true);
    const [asked] = briefingApprovals(t);
    t.clock.advance(60_000);
    t.core.approvals.approve(asked!.id);
    await t.core.approvals.settled();
    expect(rowsFor(t)).toEqual(['os', 'slack', 'telegram']);
    const slack = t.core.notify.outbox({ limit: 50 }).find((r) => r.channel === 'slack')!;
    expect(slack.notice.briefing).toEqual((asked!.preview as { briefing: unknown }).briefing);
    expect(t.core.approvals.get(asked!.id).outcome).toMatchObject({ ok: true, result: 'good', message: 'the briefing of 2026-06-01 is queued for slack, telegram' });
    expect(t.core.approvals.auditFor('notify.briefing', asked!.subject.ref).map((a) => [a.mode, a.decision])).toEqual([
      ['dry-run', 'pre-launch'],
      ['real', 'approved'],
    ]);

    t.clock.advance(60_000);
    t.core.briefing.run(true);
    const [second] = briefingApprovals(t, 'pending');
    t.core.approvals.reject(second!.id, { reason: 'not today' });
    await t.core.approvals.settled();
    expect(rowsFor(t)).toEqual(['os', 'os', 'slack', 'telegram']);
    expect(t.core.approvals.get(second!.id).outcome).toMatchObject({ ok: true, result: 'none', message: 'the briefing of 2026-06-01 was not sent to slack, telegram: approval rejected' });
  });

  it('a newer briefing replaces the one still waiting, and the same briefing sent twice is one message per channel', () => {
    const t = setup();
    const doc = t.core.briefing.compose();
    t.core.briefing.send(doc, 'briefing:2026-06-01');
    expect(t.core.briefing.send(doc, 'briefing:2026-06-01').map((s) => s.status)).toEqual(['unknown-channel', 'already-queued', 'needs-approval', 'needs-approval']);
    expect(briefingApprovals(t, 'pending')).toHaveLength(1);
    t.clock.advance(86_400_000);
    t.core.briefing.send(t.core.briefing.compose(), 'briefing:2026-06-02');
    expect(briefingApprovals(t, 'cancelled')).toMatchObject([{ subject: { ref: 'briefing:2026-06-01' }, reason: 'superseded by the briefing of 2026-06-02' }]);
    expect(briefingApprovals(t, 'pending')).toMatchObject([{ subject: { ref: 'briefing:2026-06-02' } }]);
  });

  it('turned on explicitly (notify.briefing.enabled), or post-launch, it goes to every channel at once', () => {
    const on = setup();
    on.core.settings.set('notify.briefing.enabled', true);
    expect(on.core.briefing.run(true).sent!.map((s) => `${s.channel} ${s.status}`)).toEqual(['pigeon unknown-channel', 'os queued', 'slack queued', 'telegram queued']);
    expect(briefingApprovals(on)).toEqual([]);
    const ref = on.core.notify.outbox({ limit: 1 })[0]!.notice.briefing!.at;
    expect(on.core.approvals.auditFor('notify.briefing', `briefing:now:${ref}`)).toMatchObject([{ mode: 'real', decision: 'not-required', detail: '{"channels":["slack","telegram"]}' }]);

    const launched = setup('post-launch');
    expect(launched.core.briefing.run(true).sent!.map((s) => s.status)).toEqual(['unknown-channel', 'queued', 'queued', 'queued']);
    expect(briefingApprovals(launched)).toEqual([]);
  });

  it('notify.briefing: the preview changes nothing; a bad send is refused naming the field', async () => {
    const t = setup();
    const api = createDispatcher(t.core);
    const preview = await api.call('notify.briefing', {});
    expect(preview).toMatchObject({ ok: true, value: { briefing: { title: 'Founder briefing, Monday 1 June 2026' }, renderings: { os: { title: 'Founder briefing, Monday 1 June 2026' }, email: { subject: 'Founder briefing, Monday 1 June 2026' } } } });
    expect(preview.ok && 'sent' in (preview.value as object)).toBe(false);
    expect(await api.call('notify.briefing', { send: 'yes' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('send: must be true or false') } });
    expect(rowsFor(t)).toEqual([]);
    expect(briefingApprovals(t)).toEqual([]);
  });
});
