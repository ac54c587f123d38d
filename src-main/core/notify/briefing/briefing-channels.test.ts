import { afterEach, describe, expect, it } from 'vitest';
import { notifyCore } from '../../../../tests/helpers/notify/notify-core';
import { SlackServer } from '../../../../tests/helpers/notify/slack-server';
import { TestSmtpServer } from '../../../../tests/helpers/notify/smtp-server';
import { goodBotToken, startTelegramServer } from '../../../../tests/helpers/notify/telegram-server';

const chatId = 4242;
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const t of open.splice(0).reverse()) await t.close();
});

describe('the briefing through the outside channels', () => {
  it('goes to Telegram as the briefing\u2019s own HTML, to Slack as its own blocks and by email as its own subject and parts, not as a one-line notice', async () => {
    const telegram = await startTelegramServer({ chats: [chatId] });
    open.push(telegram);
    const smtp = await TestSmtpServer.start();
    open.push(smtp);
    const slack = await new SlackServer().start();
    open.push(slack);
    const t = notifyCore({ stage: 'post-launch' });
    open.push(t);
    t.core.settings.set('notify.briefing.timezone', 'UTC');
    t.core.settings.set('notify.briefing.channels', ['telegram', 'slack', 'email']);
    t.core.secrets.set('slack.webhookUrl', slack.webhookUrl);
    t.core.secrets.set('telegram.botToken', goodBotToken);
    t.core.settings.set('notify.telegram.chatId', String(chatId));
    t.core.settings.set('notify.telegram.apiBase', telegram.url);
    t.core.settings.set('notify.smtp.url', smtp.url);
    t.core.secrets.set('smtp.password', smtp.password);
    t.core.settings.set('notify.email.to', 'founder@example.com');
    t.core.settings.set('notify.email.from', 'alerts@example.com');

    const { briefing, sent } = t.core.briefing.run(true);
    expect(sent?.map((s) => [s.channel, s.status])).toEqual([
      ['telegram', 'queued'],
      ['slack', 'queued'],
      ['email', 'queued'],
    ]);
    await t.core.notify.deliverDue();
    expect(t.core.notify.outbox({ limit: 10 }).map((r) => [r.channel, r.state])).toEqual(
      expect.arrayContaining([
        ['telegram', 'sent'],
        ['slack', 'sent'],
        ['email', 'sent'],
      ]),
    );

    const text = telegram.messages.map((m) => m.text).join('\n');
    expect(text).toContain(`<b>${briefing.title}</b>`);
    for (const section of briefing.sections) expect(text).toContain(`<b>${section.title}</b>`);

    expect(slack.accepted).toHaveLength(1);
    const blocks = JSON.stringify(slack.accepted[0]!.body.blocks);
    for (const section of briefing.sections) expect(blocks).toContain(section.title);

    expect(smtp.received).toHaveLength(1);
    const raw = smtp.received[0]!.raw.replace(/=\r?\n/g, '');
    expect(raw).toMatch(new RegExp(`^Subject: ${briefing.title}$`, 'm'));
    for (const section of briefing.sections) expect(raw).toContain(section.title);
  });
});
