import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/contract/notify';
import { createDispatcher } from '../../api/dispatcher';
import { renderSlack } from './render-slack';
import { notifyCore, runFor, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { SlackServer } from '../../../tests/helpers/notify/slack-server';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

async function slackSetup(options: { start?: number } = {}) {
  const slack = await new SlackServer().start();
  const t = notifyCore(options);
  open.push(slack, t);
  t.core.secrets.set('slack.webhookUrl', slack.webhookUrl);
  t.core.background.start();
  return { slack, t };
}

function send(t: NotifyTestCore, title: string, extra: Partial<Notice> = {}) {
  return t.core.notify.send({ key: title, title, body: `about ${title}`, area: 'guardian', at: t.clock.now(), ...extra }, ['slack']);
}

/** Every attempt on every row, in time order. */
function allAttempts(t: NotifyTestCore) {
  return t.core.notify
    .outbox({ limit: 500 })
    .flatMap((row) => t.core.notify.history(row.id).attempts.map((a) => ({ ...a, title: row.notice.title })))
    .sort((a, b) => a.at - b.at);
}

const notice: Notice = { id: 'n1', title: 'Monitor DOWN: shop', body: 'HTTP 503 <script> & co', area: 'guardian', at: Date.UTC(2026, 5, 1, 12), severity: 'critical' };

describe('renderSlack', () => {
  it('makes header, section and context blocks, a text fallback and a button that opens the area', () => {
    const m = renderSlack({ ...notice, count: 3 }, 'http://127.0.0.1:4321/');
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Monitor DOWN: shop (×3)', emoji: false } });
    // text from the event never becomes Slack markup
    expect(m.blocks[1]).toMatchObject({ text: { type: 'mrkdwn', text: 'HTTP 503 &lt;script&gt; &amp; co' } });
    expect(JSON.stringify(m.blocks[2])).toContain('Critical');
    expect(m.blocks[3]).toMatchObject({ elements: [{ type: 'button', url: 'http://127.0.0.1:4321/#/guardian', action_id: 'levqor.open' }] });
    expect(m.text).toContain('Monitor DOWN: shop (×3)');
  });

  it('links an approval to #/approvals?id=, and says so in the text when the app has no address', () => {
    const approval = { ...notice, approvalId: 'ap 1' };
    expect(renderSlack(approval, 'http://x.test/#/home').blocks[3]).toMatchObject({ elements: [{ url: 'http://x.test/#/approvals?id=ap%201', style: 'primary' }] });
    const bare = renderSlack(approval);
    expect(bare.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(bare.text).toContain('this message has no link');
  });

  it('keeps to Slack\u2019s block limits', () => {
    const m = renderSlack({ ...notice, title: 't'.repeat(400), body: 'b'.repeat(5000) });
    expect((m.blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    expect((m.blocks[1] as { text: { text: string } }).text.text).toHaveLength(3000);
  });
});

describe('the Slack channel', () => {
  it('posts Block Kit to the webhook and records Slack\u2019s answer in the delivery history', async () => {
    const { slack, t } = await slackSetup();
    t.core.notify.appUrl = 'http://127.0.0.1:9/';
    send(t, 'hello', { approvalId: 'a1' });
    await runFor(t, 0);
    expect(slack.titles()).toEqual(['hello']);
    expect(slack.accepted[0]!.body.text).toContain('hello');
    expect(JSON.stringify(slack.accepted[0]!.body.blocks)).toContain('http://127.0.0.1:9/#/approvals?id=a1');
    const [row] = t.core.notify.outbox({ limit: 1 });
    expect(row).toMatchObject({ state: 'sent', attempts: 1, lastAnswer: 'ok' });
    expect(t.core.notify.history(row!.id).attempts).toEqual([{ attempt: 1, at: row!.lastAttemptAt, ms: expect.any(Number), outcome: 'sent', answer: 'ok', error: null }]);
  });

  it('gives a message Slack refuses up at once, with Slack\u2019s reason and never the webhook URL', async () => {
    const { slack, t } = await slackSetup();
    slack.script.push({ status: 400, body: 'invalid_payload' }, { status: 410, body: 'channel_is_archived' });
    send(t, 'one');
    send(t, 'two');
    await runFor(t, 5_000);
    const rows = t.core.notify.outbox({ limit: 10 });
    expect(rows.map((r) => [r.notice.title, r.state, r.attempts, r.lastError])).toEqual([
      ['two', 'failed', 1, 'Slack answered 410: channel_is_archived'],
      ['one', 'failed', 1, 'Slack answered 400: invalid_payload'],
    ]);
    expect(JSON.stringify(allAttempts(t))).not.toContain('XXXXXXXX');
  });

  it('counts an unreachable Slack as a failure that may pass, naming the cause but not the URL', async () => {
    const { slack, t } = await slackSetup();
    await slack.close();
    send(t, 'lost?');
    await runFor(t, 0);
    const [row] = t.core.notify.outbox({ limit: 1 });
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/^Slack could not be reached: /) });
    expect(row!.lastError).not.toContain('127.0.0.1');
  });

  it('is skipped with the reason while no webhook URL is set', async () => {
    const t = notifyCore();
    open.push(t);
    t.core.background.start();
    send(t, 'nowhere');
    await runFor(t, 0);
    expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ state: 'skipped', lastError: 'no Slack webhook URL is set (secret slack.webhookUrl)' });
  });
});

describe('the outbox against Slack faults', () => {
  it('Slack down for an hour: every message goes out after it is back, in order, none twice, one a second', async () => {
    const { slack, t } = await slackSetup();
    let down = true;
    slack.answer = () => (down ? { status: 503, body: 'service_unavailable' } : undefined);
    const titles = Array.from({ length: 20 }, (_, i) => `alert ${i + 1}`);
    for (const title of titles) {
      send(t, title);
      await runFor(t, 30_000);
    }
    await runFor(t, 60 * 60_000 - 20 * 30_000);
    expect(slack.accepted).toEqual([]);
    // a waiting head holds the channel: the later messages were never tried
    expect(new Set(allAttempts(t).map((a) => a.title))).toEqual(new Set(['alert 1']));
    down = false;
    await runFor(t, 60 * 60_000);
    expect(slack.titles()).toEqual(titles);
    expect(t.core.notify.outbox({ state: 'sent', limit: 100 })).toHaveLength(20);
    const sends = allAttempts(t).filter((a) => a.outcome === 'sent');
    for (let i = 1; i < sends.length; i++) expect(sends[i]!.at - sends[i - 1]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('a 429 storm: each Retry-After holds the channel, and no message is lost', async () => {
    const { slack, t } = await slackSetup();
    // Slack's Retry-After in both forms: delay-seconds, and an HTTP date (read against the real clock)
    slack.script.push(...Array.from({ length: 8 }, (_, i) => ({ status: 429, body: 'rate_limited', retryAfter: i % 2 ? '7' : new Date(Date.now() + 4_000).toUTCString() })));
    const titles = Array.from({ length: 10 }, (_, i) => `m${i}`);
    for (const title of titles) send(t, title);
    await runFor(t, 10 * 60_000);
    expect(slack.titles()).toEqual(titles);
    expect(slack.hits).toHaveLength(18);
    const attempts = allAttempts(t);
    const gaps = attempts.slice(1).map((a, i) => ({ after: attempts[i]!, gap: a.at - attempts[i]!.at }));
    const afterStorm = gaps.filter((g) => g.after.outcome === 'failed').map((g) => g.gap);
    expect(afterStorm).toHaveLength(8);
    expect(afterStorm.filter((gap) => gap === 7_000)).toHaveLength(4);
    for (const gap of afterStorm) expect(gap).toBeGreaterThanOrEqual(2_000);
    for (const g of gaps) expect(g.gap).toBeGreaterThanOrEqual(1_000);
  });

  it('notify.history names the row; a bad id is a clear error', async () => {
    const { t } = await slackSetup();
    const api = createDispatcher(t.core);
    expect(await api.call('notify.history', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    expect(await api.call('notify.history', { id: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'id' } });
  });
});
