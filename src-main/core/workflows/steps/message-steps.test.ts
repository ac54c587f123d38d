import { afterEach, describe, expect, it } from 'vitest';
import { goodBotToken, startTelegramServer } from '../../../../tests/helpers/notify/telegram-server';
import { SlackServer } from '../../../../tests/helpers/notify/slack-server';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

const send = (type: string) => wf([{ id: 'send', type, params: { title: 'New lead: ada@example.com', body: 'via the site' } }]);

describe('telegram.send, slack.send and email.send', () => {
  it('telegram.send posts to the founder’s chat through the local Bot API and outputs its answer', async () => {
    const telegram = await startTelegramServer({ chats: [4242] });
    try {
      t = testCore({ stage: 'post-launch' });
      t.core.secrets.set('telegram.botToken', goodBotToken);
      t.core.settings.set('notify.telegram.chatId', '4242');
      t.core.settings.set('notify.telegram.apiBase', telegram.url);
      const result = await t.core.workflows.run({ workflow: send('telegram.send'), wait: true });
      expect(result.status).toBe('succeeded');
      expect(telegram.messages).toHaveLength(1);
      expect(telegram.messages[0]).toMatchObject({ chat_id: 4242, text: expect.stringContaining('New lead: ada@example.com') });
      expect(t.core.runs.get(result.runId).steps[0]?.output).toMatchObject({ channel: 'telegram' });
    } finally {
      await telegram.close();
    }
  });

  it('slack.send posts to the incoming webhook (both steps are Class B)', async () => {
    const slack = await new SlackServer().start();
    try {
      t = testCore({ stage: 'post-launch' });
      t.core.secrets.set('slack.webhookUrl', slack.webhookUrl);
      const result = await t.core.workflows.run({ workflow: send('slack.send'), wait: true });
      expect(result.status).toBe('succeeded');
      expect(slack.hits).toHaveLength(1);
      expect(JSON.stringify(slack.hits[0]?.body)).toContain('New lead: ada@example.com');
      // Class B: in pre-launch the runner's gate asks for approval before it posts
      expect([t.core.engine.registry.get('slack.send')?.class, t.core.engine.registry.get('telegram.send')?.class]).toEqual(['B', 'B']);
    } finally {
      await slack.close();
    }
  });

  it('a channel that is not set up fails at once saying what is missing, and sends nothing', async () => {
    t = testCore({ stage: 'post-launch' });
    const result = await t.core.workflows.run({ workflow: send('slack.send'), wait: true });
    expect(result.status).toBe('failed');
    expect(JSON.stringify(t.core.runs.get(result.runId).steps[0]?.error)).toContain('Slack: no Slack webhook URL is set (secret slack.webhookUrl)');
    const mail = wf([{ id: 'send', type: 'email.send', params: { to: 'ada@example.com', subject: 'Hi' } }]);
    const noEmail = await t.core.workflows.run({ workflow: mail, wait: true });
    expect(JSON.stringify(t.core.runs.get(noEmail.runId).steps[0]?.error)).toContain('Email: no way to send email');
    expect(t.core.workflows.validate(wf([{ id: 'send', type: 'email.send', params: { to: 'not-an-address', subject: 'Hi' } }])).errors).toEqual([{ path: 'nodes[0].params.to', message: 'must be an email address like ada@example.com' }]);
    const dry = await t.core.workflows.run({ workflow: send('telegram.send'), wait: true, dryRun: true });
    expect(t.core.runs.get(dry.runId).steps[0]?.output).toMatchObject({ dryRun: true, preview: { channel: 'telegram', title: 'New lead: ada@example.com', configured: expect.any(String) } });
  });
});
