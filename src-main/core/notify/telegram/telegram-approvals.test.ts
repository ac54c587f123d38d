import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Approval } from '../../../../shared/contract/approvals';
import { notifyCore, type NotifyTestCore } from '../../../../tests/helpers/notify/notify-core';
import { refundDeskWaiting } from '../../../../tests/helpers/notify/scenarios';
import { goodBotToken, startTelegramServer, type PressedBy, type SentMessage, type TelegramServer } from '../../../../tests/helpers/notify/telegram-server';
import { until } from '../../../../tests/helpers/workflows/wait';
import { buttonLifetimeMs } from './approval-buttons';

const chatId = 4242;
const ada: PressedBy = { id: 777, first_name: 'Ada' };
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const t of open.splice(0).reverse()) await t.close();
});

async function setup(options: { dataDir?: string; server?: TelegramServer } = {}) {
  const server = options.server ?? (await startTelegramServer({ chats: [chatId] }));
  if (!options.server) open.push(server);
  const t = notifyCore(options.dataDir ? { dataDir: options.dataDir } : {});
  open.push(t);
  t.core.secrets.set('telegram.botToken', goodBotToken);
  t.core.settings.set('notify.telegram.chatId', String(chatId));
  t.core.settings.set('notify.telegram.apiBase', server.url);
  t.core.background.start();
  return { t, server };
}

/** A real workflow waits at its approval step; its notice goes out on Telegram with the buttons. */
async function approvalOnTelegram(t: NotifyTestCore, server: TelegramServer): Promise<{ approval: Approval; message: SentMessage; workflowId: string }> {
  const workflowId = await refundDeskWaiting(t.core);
  const approval = t.core.approvals.list({ status: 'pending', limit: 10 }).find((a) => a.message === 'Refund order 42?')!;
  t.core.notify.send({ key: `approval.requested:${approval.id}`, title: 'Approval needed', body: approval.message, area: 'approvals', at: t.clock.now(), approvalId: approval.id }, ['telegram']);
  // Telegram takes one message a second per chat: the outbox spaces the next one that far on its clock
  t.clock.advance(1_000);
  await t.core.notify.deliverDue();
  expect(t.core.notify.outbox({ limit: 1 })[0]).toMatchObject({ channel: 'telegram', state: 'sent', notice: { approvalId: approval.id } });
  const message = server.messages.at(-1)!;
  return { approval, message, workflowId };
}

function button(message: SentMessage, which: 'Approve' | 'Reject'): string {
  return message.reply_markup!.inline_keyboard[0]!.find((b) => b.text.includes(which))!.callback_data;
}

/** Presses a button and waits for the app's answer to that press. */
async function press(server: TelegramServer, p: { data: string; messageId: number; chatId?: number; from?: PressedBy }): Promise<string> {
  const updateId = server.press({ chatId, from: ada, ...p });
  await until(() => server.callsTo('answerCallbackQuery').some((c) => c.body.callback_query_id === `cq${updateId}`));
  return server.callsTo('answerCallbackQuery').find((c) => c.body.callback_query_id === `cq${updateId}`)!.body.text as string;
}

describe('approvals from Telegram', () => {
  it('Approve in Telegram decides the approval as the inbox does, the run finishes, and the message says who and when', async () => {
    const { t, server } = await setup();
    const { approval, message } = await approvalOnTelegram(t, server);
    expect(message.text).toBe('<b>Approval needed</b>\nRefund order 42?');
    const data = [button(message, 'Approve'), button(message, 'Reject')];
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    expect(JSON.stringify(data)).not.toContain(approval.id);

    const said = await press(server, { data: data[0]!, messageId: message.message_id });
    expect(said).toMatch(/^Approved by Ada \(telegram:777\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(t.core.approvals.get(approval.id)).toMatchObject({ status: 'approved', decidedBy: 'telegram:777' });
    const run = await t.core.runs.wait(approval.runId!, { untilEnd: true });
    expect(run.status).toBe('succeeded');

    await until(() => server.messages.find((m) => m.message_id === message.message_id)!.reply_markup === undefined);
    expect(server.messages.find((m) => m.message_id === message.message_id)!.text).toBe(`<b>Approval needed</b>\nRefund order 42?\n\n<i>${said}</i>`);

    // the same button again, and the other one: already decided, nothing changes
    expect(await press(server, { data: data[0]!, messageId: message.message_id })).toMatch(/^Already decided: approved by telegram:777 at /);
    expect(await press(server, { data: data[1]!, messageId: message.message_id })).toMatch(/^Already decided: approved by telegram:777/);
    expect(t.core.approvals.get(approval.id).status).toBe('approved');
  });

  it('takes no answer from another chat, a forged button, or a button pressed on another approval\u2019s message', async () => {
    const { t, server } = await setup();
    const first = await approvalOnTelegram(t, server);
    const second = await approvalOnTelegram(t, server);

    expect(await press(server, { data: button(first.message, 'Approve'), messageId: first.message.message_id, chatId: 999 })).toMatch(/^Not allowed/);
    expect(await press(server, { data: `lvq1:${randomBytes(16).toString('base64url')}`, messageId: first.message.message_id })).toMatch(/not one Levqor put on this message; nothing was decided/);
    // a real button's token with a signature that is not its own (made without the bot token)
    const realToken = button(first.message, 'Approve').split('.')[0]!;
    expect(await press(server, { data: `${realToken}.${randomBytes(16).toString('base64url')}`, messageId: first.message.message_id })).toMatch(/not one Levqor put on this message; nothing was decided/);
    expect(await press(server, { data: 'approve:' + first.approval.id, messageId: first.message.message_id })).toMatch(/nothing was decided/);
    expect(await press(server, { data: button(first.message, 'Approve'), messageId: second.message.message_id })).toMatch(/not one Levqor put on this message/);
    expect(t.core.approvals.get(first.approval.id).status).toBe('pending');
    expect(t.core.approvals.get(second.approval.id).status).toBe('pending');

    expect(await press(server, { data: button(second.message, 'Reject'), messageId: second.message.message_id })).toMatch(/^Rejected by Ada \(telegram:777\)/);
    expect(t.core.approvals.get(second.approval.id)).toMatchObject({ status: 'rejected', decidedBy: 'telegram:777' });
    expect(t.core.approvals.get(first.approval.id).status).toBe('pending');
  });

  it('an expired button decides nothing and says so; a decision made in the app first is reported truthfully', async () => {
    const { t, server } = await setup();
    const late = await approvalOnTelegram(t, server);
    const decidedInApp = await approvalOnTelegram(t, server);
    t.core.approvals.reject(decidedInApp.approval.id, { reason: 'no', by: 'founder' });
    expect(await press(server, { data: button(decidedInApp.message, 'Approve'), messageId: decidedInApp.message.message_id })).toMatch(/^Already decided: rejected by founder at /);
    expect(t.core.approvals.get(decidedInApp.approval.id).status).toBe('rejected');

    t.clock.advance(buttonLifetimeMs);
    expect(await press(server, { data: button(late.message, 'Approve'), messageId: late.message.message_id })).toMatch(/^Expired: these buttons stopped deciding at /);
    expect(t.core.approvals.get(late.approval.id).status).toBe('pending');
  });

  it('a press that cannot be recorded says so, is not lost, and decides once the database takes it again', async () => {
    const { t, server } = await setup();
    const { approval, message } = await approvalOnTelegram(t, server);
    t.core.db.pragma('busy_timeout = 20');
    // another process holds the database's write lock
    const other = new Database(join(t.dataDir, 'levqor.db'));
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      expect(await press(server, { data: button(message, 'Approve'), messageId: message.message_id })).toMatch(/^Not recorded: database is locked\. Press again/);
      expect(t.core.approvals.get(approval.id).status).toBe('pending');
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const decided = () => server.messages.find((m) => m.message_id === message.message_id)!.reply_markup === undefined;
    for (let i = 0; i < 200 && !decided(); i++) {
      await t.timer.advance(5_000);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(t.core.approvals.get(approval.id)).toMatchObject({ status: 'approved', decidedBy: 'telegram:777' });
    expect(server.messages.find((m) => m.message_id === message.message_id)!.text).toMatch(/\n\n<i>Approved by Ada \(telegram:777\) at /);
  });

  it('keeps its place in Telegram\u2019s updates across a restart: no press is read twice', async () => {
    const server = await startTelegramServer({ chats: [chatId] });
    open.push(server);
    const first = await setup({ server });
    const { approval, message } = await approvalOnTelegram(first.t, server);
    await press(server, { data: button(message, 'Approve'), messageId: message.message_id });
    const dataDir = first.t.dataDir;
    // stopping does not wait out the 30 s long poll under way
    const stopping = Date.now();
    await first.t.core.background.stop();
    expect(Date.now() - stopping).toBeLessThan(2_000);
    first.t.close();

    const again = await setup({ server, dataDir });
    await until(() => server.callsTo('getUpdates').length > 0 && server.callsTo('getUpdates').at(-1)!.body.offset !== undefined);
    const afterRestart = server.callsTo('getUpdates').at(-1)!;
    expect(afterRestart.body).toMatchObject({ offset: server.delivered.at(-1)! + 1, allowed_updates: ['callback_query'], timeout: 30 });
    expect(new Set(server.delivered).size).toBe(server.delivered.length);
    expect(again.t.core.approvals.get(approval.id).status).toBe('approved');
  });
});
