import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notifyCore, type NotifyTestCore } from '../../../../tests/helpers/notify/notify-core';
import { goodBotToken, startTelegramServer, tooManyRequests, type TelegramServer } from '../../../../tests/helpers/notify/telegram-server';
import { until } from '../../../../tests/helpers/workflows/wait';
import { callBotApi } from './bot-api';
import { deliveryFailure, tokenRefused } from './delivery-failure';

const chatId = 4242;
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const t of open.splice(0).reverse()) await t.close();
});

async function setup(options: { token?: string; chatId?: string; logToFile?: boolean } = {}): Promise<{ t: NotifyTestCore; server: TelegramServer }> {
  const server = await startTelegramServer({ chats: [chatId, -100123] });
  open.push(server);
  const t = notifyCore({ logToFile: options.logToFile ?? false });
  open.push(t);
  t.core.secrets.set('telegram.botToken', options.token ?? goodBotToken);
  t.core.settings.set('notify.telegram.chatId', options.chatId ?? String(chatId));
  t.core.settings.set('notify.telegram.apiBase', server.url);
  return { t, server };
}

function send(t: NotifyTestCore, title: string, body = '') {
  t.core.notify.send({ key: `k:${title}`, title, body, area: 'guardian', at: t.clock.now() }, ['telegram']);
}

/** Everything the app logged to its files so far. */
function logText(t: NotifyTestCore): string {
  const dir = join(t.dataDir, 'logs');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

const row = (t: NotifyTestCore) => t.core.notify.outbox({ limit: 1 })[0]!;

describe('the Telegram channel', () => {
  it('sends a notice as escaped Telegram HTML to the chat of notify.telegram.chatId', async () => {
    const { t, server } = await setup();
    send(t, 'Monitor DOWN: <shop> & co', 'answered 503 <html>');
    await t.core.notify.deliverDue();
    const [call] = server.callsTo('sendMessage');
    expect(call!.token).toBe(goodBotToken);
    expect(call!.body).toMatchObject({ chat_id: chatId, parse_mode: 'HTML', text: '<b>Monitor DOWN: &lt;shop&gt; &amp; co</b>\nanswered 503 &lt;html&gt;' });
    expect(call!.body.reply_markup).toBeUndefined();
    expect(row(t)).toMatchObject({ channel: 'telegram', state: 'sent', attempts: 1 });
  });

  it('splits a long notice into parts of at most 4,096 characters, in order; after a failure between parts only the rest goes', async () => {
    const { t, server } = await setup();
    const body = Array.from({ length: 250 }, (_, i) => `line ${i}: <${'x'.repeat(30)}>`).join('\n');
    send(t, 'Long report', body);
    // Telegram takes part one, then is unavailable for part two
    server.scriptNext('sendMessage', { status: 503, body: { ok: false, error_code: 503, description: 'Service Unavailable' } }, 1, 1);
    await t.core.notify.deliverDue();
    expect(server.messages).toHaveLength(1);
    expect(row(t)).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('1 of 3 parts sent') });

    t.clock.advance(60 * 60_000);
    await t.core.notify.deliverDue();
    expect(row(t)).toMatchObject({ state: 'sent', attempts: 2 });
    const texts = server.messages.map((m) => m.text);
    expect(texts).toHaveLength(3);
    expect(server.callsTo('sendMessage')).toHaveLength(4);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    const escaped = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(texts.join('\n')).toBe(`<b>Long report</b>\n${escaped}`);
  });

  it('maps Telegram\u2019s refusals: 429 waits retry_after, a refused token or an unknown chat is final and says what to fix', async () => {
    const { t, server } = await setup();
    const target = { apiBase: server.url, token: goodBotToken, method: 'sendMessage', timeoutMs: 5000 };
    server.scriptNext('sendMessage', tooManyRequests(7));
    const slowDown = await callBotApi({ ...target, body: { chat_id: chatId, text: 'x' } });
    expect(slowDown.ok).toBe(false);
    expect(deliveryFailure(slowDown as Extract<typeof slowDown, { ok: false }>, String(chatId))).toMatchObject({ status: 'failed', retryable: true, retryAfterMs: 7000 });

    const unknownChat = await callBotApi({ ...target, body: { chat_id: 1, text: 'x' } });
    expect(deliveryFailure(unknownChat as Extract<typeof unknownChat, { ok: false }>, '1')).toMatchObject({ retryable: false, error: expect.stringContaining('setting notify.telegram.chatId') });

    server.scriptNext('sendMessage', { status: 503, body: { ok: false, error_code: 503, description: 'Service Unavailable' } });
    const down = await callBotApi({ ...target, body: { chat_id: chatId, text: 'x' } });
    expect(deliveryFailure(down as Extract<typeof down, { ok: false }>, String(chatId))).toMatchObject({ retryable: true });

    server.scriptNext('sendMessage', { status: 200, body: { ok: true, result: { message_id: 1 } }, delayMs: 1_000 });
    const slow = await callBotApi({ ...target, timeoutMs: 100, body: { chat_id: chatId, text: 'x' } });
    expect(slow).toMatchObject({ ok: false, code: 0, description: expect.stringMatching(/^Telegram did not answer within/) });
    expect(deliveryFailure(slow as Extract<typeof slow, { ok: false }>, String(chatId))).toMatchObject({ retryable: true });

    const offline = await callBotApi({ ...target, apiBase: 'http://127.0.0.1:1/', body: {} });
    expect(offline).toMatchObject({ ok: false, code: 0, description: expect.stringMatching(/^could not reach Telegram/) });
    expect(JSON.stringify(offline)).not.toContain(goodBotToken);
  });

  it('a second message to the chat within Telegram’s second is asked to wait (the test server enforces the rate)', async () => {
    const server = await startTelegramServer({ chats: [chatId], perChatIntervalMs: 1000 });
    open.push(server);
    const call = { apiBase: server.url, token: goodBotToken, method: 'sendMessage', timeoutMs: 5000, body: { chat_id: chatId, text: 'x' } };
    expect(await callBotApi(call)).toMatchObject({ ok: true });
    const second = await callBotApi(call);
    expect(second).toMatchObject({ ok: false, code: 429, retryAfterMs: 1000 });
    expect(server.messages).toHaveLength(1);
  });

  it('a refused token fails the row without the token in it or in the log', async () => {
    const { t, server } = await setup({ token: '987654321:AAwrong-token_abcdefghijklmn', logToFile: true });
    t.core.background.start();
    send(t, 'hello');
    await t.core.notify.deliverDue();
    expect(server.callsTo('sendMessage')).toHaveLength(1);
    expect(row(t)).toMatchObject({ state: 'failed', lastError: tokenRefused });
    expect(JSON.stringify(t.core.notify.outbox({ limit: 10 }))).not.toContain('AAwrong-token');
    // the button poller is refused too, and says so in the log
    await until(() => logText(t).includes('Telegram refused the bot token (secret telegram.botToken)'));
    expect(logText(t)).not.toContain('AAwrong-token');
  });

  it('an unknown chat fails the row naming the setting; a chat id that is not a whole number is refused and nothing stored', async () => {
    const { t } = await setup({ chatId: '-100999' });
    send(t, 'hello');
    await t.core.notify.deliverDue();
    expect(row(t)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('setting notify.telegram.chatId') });
    for (const bad of ['@mychannel', '12.5', 'abc', '0']) {
      expect(() => t.core.settings.set('notify.telegram.chatId', bad)).toThrow(/^Telegram chat id must be a whole number, negative for a group/);
    }
    expect(t.core.settings.get('notify.telegram.chatId')).toBe('-100999');
  });

  it('without a bot token or a chat id the row is skipped, naming the secret or setting', async () => {
    const t = notifyCore();
    open.push(t);
    send(t, 'hello');
    await t.core.notify.deliverDue();
    expect(row(t)).toMatchObject({ state: 'skipped', lastError: 'no Telegram bot token is set (secret telegram.botToken)' });
  });
});
