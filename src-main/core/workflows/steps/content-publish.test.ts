import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPack, siteUrl } from '../../../../tests/helpers/content';
import { ResendServer } from '../../../../tests/helpers/notify/resend-server';
import { SlackServer } from '../../../../tests/helpers/notify/slack-server';
import { goodBotToken, startTelegramServer } from '../../../../tests/helpers/notify/telegram-server';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  t?.cleanup();
  for (const close of closers.splice(0)) await close();
});

/** A core with the pack and one generated set; the founder's Telegram, Slack and Resend point at local servers. */
async function published() {
  t = testCore({ stage: 'post-launch' });
  t.core.settings.set('content.siteUrl', siteUrl);
  createPack(t.core);
  const telegram = await startTelegramServer({ chats: [4242] });
  const slack = await new SlackServer().start();
  const resend = await ResendServer.start();
  closers.push(() => telegram.close(), () => slack.close(), () => resend.close());
  t.core.secrets.set('telegram.botToken', goodBotToken);
  t.core.settings.set('notify.telegram.chatId', '4242');
  t.core.settings.set('notify.telegram.apiBase', telegram.url);
  t.core.secrets.set('slack.webhookUrl', slack.webhookUrl);
  t.core.settings.set('notify.resend.apiBase', resend.url);
  t.core.settings.set('notify.email.from', 'Levqor <news@example.com>');
  t.core.settings.set('notify.email.to', 'founder@example.com');
  t.core.secrets.set('resend.apiKey', 're_test_full');
  return { telegram, slack, resend };
}

const gen = { id: 'gen', type: 'content.generate', params: { seed: 'Stop answering the same support email by hand.', product: 'automation-accelerator-pack' } };
const publish = (params: Record<string, unknown>) => ({ id: 'publish', type: 'content.publish', params });

describe('content.publish', () => {
  it('posts the X thread to Telegram and Slack, the email to the list through Resend, and writes the rest as files', async () => {
    const { telegram, slack, resend } = await published();
    const workflow = { ...wf([gen, publish({ set: '{{ steps.gen.output }}', channels: ['telegram', 'slack', 'email'], emailTo: ['ada@example.com', 'bo@example.com'] })]), edges: [{ from: 'gen', to: 'publish' }] };
    const run = await t.core.workflows.run({ workflow, wait: true });
    expect(run.status).toBe('succeeded');
    const set = t.core.content.list('automation-accelerator-pack', 1)[0]!;
    const thread = set.assets.find((a) => a.kind === 'x-thread') as { posts: string[] };
    const email = set.assets.find((a) => a.kind === 'email') as { subject: string };
    expect(telegram.messages).toHaveLength(1);
    expect(telegram.messages[0]!.text).toContain(thread.posts[0]!);
    expect(JSON.stringify(slack.hits[0]?.body)).toContain(thread.posts[1]!.slice(0, 40));
    expect(resend.sent.map((m) => ({ to: m.to, subject: m.subject }))).toEqual([{ to: ['ada@example.com'], subject: email.subject }, { to: ['bo@example.com'], subject: email.subject }]);
    const output = run.output as { sent: Array<{ channel: string; to?: string }>; folder: string; files: string[] };
    expect(output.sent.map((s) => s.to ?? s.channel)).toEqual(['telegram', 'slack', 'ada@example.com', 'bo@example.com']);
    expect(output.files).toEqual(['01-video-script.md', '03-linkedin-post.md', '05-instagram-carousel.md', '06-mini-article.md']);
    const dir = join(t.core.products.get('automation-accelerator-pack').contentDir, output.folder);
    expect(readFileSync(join(dir, '03-linkedin-post.md'), 'utf8')).toContain('utm_content=linkedin-post');
    expect(existsSync(join(dir, '02-x-thread.md'))).toBe(false);
    expect(t.core.engine.registry.get('content.publish')?.class).toBe('B');
  });

  it('the weekly content calendar template generates from its seed, waits for a yes, then posts to the channel picked', async () => {
    const { telegram } = await published();
    const made = t.core.templates.use('weekly-content-calendar', { seed: 'Stop answering the same support email by hand.', product: 'automation-accelerator-pack', channel: 'telegram' });
    const run = await t.core.workflows.run({ id: made.id, wait: true });
    expect(run.status).toBe('waiting');
    expect(telegram.messages).toEqual([]);
    const [approval] = t.core.approvals.list({ status: 'pending', limit: 5 });
    await t.core.approvals.approve(approval!.id, { by: 'founder' });
    await expect(t.core.runs.wait(run.runId)).resolves.toMatchObject({ status: 'succeeded' });
    expect(telegram.messages).toHaveLength(1);
    expect((t.core.runs.get(run.runId).steps.find((s) => s.id === 'publish')?.output as { files: string[] }).files).toHaveLength(5);
  });

  it('takes a set id; with no channel it writes all six as files and sends nothing', async () => {
    const { telegram } = await published();
    const set = await t.core.content.generate({ seed: 'One idea, six posts.', product: 'automation-accelerator-pack' });
    const run = await t.core.workflows.run({ workflow: wf([publish({ set: set.id })]), wait: true });
    expect(run.status).toBe('succeeded');
    expect((run.output as { files: string[] }).files).toHaveLength(6);
    expect(telegram.messages).toEqual([]);
  });

  it('a channel that is not set up fails before anything is sent or written; an unknown set names the param', async () => {
    t = testCore({ stage: 'post-launch' });
    t.core.settings.set('content.siteUrl', siteUrl);
    createPack(t.core);
    const set = await t.core.content.generate({ seed: 'One idea, six posts.', product: 'automation-accelerator-pack' });
    const run = await t.core.workflows.run({ workflow: wf([publish({ set: set.id, channels: ['slack'] })]), wait: true });
    expect(run).toMatchObject({ status: 'failed', error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('slack: no Slack webhook URL is set (secret slack.webhookUrl)') } });
    expect(existsSync(join(t.core.products.get('automation-accelerator-pack').contentDir, 'marketing'))).toBe(false);
    const unknown = await t.core.workflows.run({ workflow: wf([publish({ set: '01890000-0000-7000-8000-000000000000' })]), wait: true });
    expect(unknown).toMatchObject({ status: 'failed', error: { code: 'NOT_FOUND', message: 'params.set: no generated set has id "01890000-0000-7000-8000-000000000000" (content.list)' } });
    expect(t.core.workflows.validate(wf([publish({ set: 'x', channels: ['fax'], emailTo: ['nope'] })])).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'nodes[0].params.set: must be a set id from the history, or the output of a content.generate step ({{ steps.gen.output }})',
      'nodes[0].params.channels[0]: must be telegram, slack or email',
      'nodes[0].params.emailTo[0]: must be an email address like ada@example.com',
    ]);
  });
});
