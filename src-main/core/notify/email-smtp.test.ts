import { afterEach, describe, expect, it } from 'vitest';
import { notifyCore, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { TestSmtpServer } from '../../../tests/helpers/notify/smtp-server';
import { deliveredNewest, emailAlert } from '../../../tests/helpers/notify/email-alert';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const t of open.splice(0).reverse()) await t.close();
});

async function smtpSetup() {
  const server = await TestSmtpServer.start();
  open.push(server);
  const t = notifyCore();
  open.push(t);
  t.core.settings.set('notify.smtp.url', server.url);
  t.core.settings.set('notify.email.to', 'founder@example.com');
  t.core.settings.set('notify.email.from', 'Levqor <alerts@example.com>');
  t.core.secrets.set('smtp.password', server.password);
  return { server, t };
}

function alert(t: NotifyTestCore, key: string) {
  return emailAlert(t, key, { title: `Backup failed: ${key}`, body: 'disk full & <stale>\nsecond line', area: 'backups', severity: 'warning' });
}

describe('the email channel through the founder\'s SMTP server', () => {
  it('delivers one message with text and HTML parts, the headers, and the outbox row in its Message-ID', async () => {
    const { server, t } = await smtpSetup();
    alert(t, 'nightly');
    const row = await deliveredNewest(t);
    expect(row).toMatchObject({ channel: 'email', state: 'sent', attempts: 1, lastError: null });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail).toMatchObject({ from: 'alerts@example.com', to: ['founder@example.com'] });
    const raw = mail!.raw.replace(/=\r?\n/g, '');
    expect(raw).toMatch(/^From: Levqor <alerts@example\.com>$/m);
    expect(raw).toMatch(/^To: founder@example\.com$/m);
    expect(raw).toMatch(/^Subject: \[Warning\] Backup failed: nightly$/m);
    expect(raw).toContain(`Message-ID: <${row!.id}@example.com>`);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    expect(raw).toContain('disk full &amp; &lt;stale&gt;<br>second line');
    expect(raw).toContain('disk full & <stale>');
  });

  it('keeps a temporary refusal (4xx) for later and gives up on a permanent one (5xx), in the server\'s words', async () => {
    const { server, t } = await smtpSetup();
    server.refuseRecipient = { code: 451, text: '4.7.1 Greylisted, try again later' };
    alert(t, 'a');
    expect(await deliveredNewest(t)).toMatchObject({ state: 'pending', lastError: expect.stringContaining('Greylisted') });
    expect(server.received).toHaveLength(0);

    // a waiting row holds its channel's later rows back (order per channel): the permanent refusal on a fresh outbox
    const other = await smtpSetup();
    other.server.refuseRecipient = { code: 550, text: '5.1.1 No such mailbox' };
    alert(other.t, 'b');
    expect(await deliveredNewest(other.t)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('No such mailbox') });
    expect(other.server.received).toHaveLength(0);
  });

  it('tests smtp.password by logging in, sending nothing; a wrong password fails without showing it', async () => {
    const { server, t } = await smtpSetup();
    expect(await t.core.secrets.test('smtp.password')).toMatchObject({ outcome: 'ok', message: expect.stringContaining('accepted the login of alerts@example.com') });
    t.core.secrets.set('smtp.password', 'wrong-password-123');
    const refused = await t.core.secrets.test('smtp.password');
    expect(refused.outcome).toBe('failed');
    expect(refused.message).toContain('Authentication credentials invalid');
    expect(refused.message).not.toContain('wrong-password-123');
    const test = await t.core.notify.test('email');
    expect(test).toMatchObject({ channel: 'email', outcome: 'failed', error: expect.stringContaining('Authentication credentials invalid') });
    expect(JSON.stringify(test)).not.toContain('wrong-password-123');
    expect(server.received).toHaveLength(0);
  });

  it('is not set up while the SMTP login has no password, and says which secret to set', async () => {
    const { server, t } = await smtpSetup();
    t.core.secrets.clear('smtp.password');
    expect(await t.core.notify.test('email')).toMatchObject({ outcome: 'not-configured', error: 'the SMTP server in notify.smtp.url has a user but no password: set the secret smtp.password' });
    expect(server.received).toHaveLength(0);
  });

  it('uses the SMTP server over Resend when both are set, and a test through it shows the server\'s answer', async () => {
    const { server, t } = await smtpSetup();
    t.core.secrets.set('resend.apiKey', 're_not_used');
    const test = await t.core.notify.test('email');
    expect(test).toMatchObject({ outcome: 'sent', error: null, answer: expect.stringMatching(/^250/) });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.raw).toContain('Subject: Test from Levqor X');
  });
});
