import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../api/dispatcher';
import type { ProcedureOutput } from '../../../shared/contract';
import { notifyCore, RecordingNotifier, type NotifyTestCore } from '../../../tests/helpers/notify/notify-core';
import { ResendServer } from '../../../tests/helpers/notify/resend-server';
import { deliveredNewest, emailAlert } from '../../../tests/helpers/notify/email-alert';
import { createLogger } from '../logger';
import type { ChannelContext } from './channel';
import { channels } from './channels';
import { emailChannel } from './channels/email';
import { resendResult } from './email/resend';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const t of open.splice(0).reverse()) await t.close();
});

async function resendSetup(options: { os?: RecordingNotifier } = {}) {
  const server = await ResendServer.start();
  open.push(server);
  const t = notifyCore(options.os ? { os: options.os } : {});
  open.push(t);
  t.core.settings.set('notify.resend.apiBase', server.url);
  t.core.settings.set('notify.email.to', 'founder@example.com');
  t.core.settings.set('notify.email.from', 'Levqor <alerts@example.com>');
  t.core.secrets.set('resend.apiKey', 're_test_full');
  return { server, t };
}

/** The context an outbox attempt gets, for a repeat of the same row (a crash between sending and recording it). */
function rowContext(t: NotifyTestCore, idempotencyKey: string): ChannelContext {
  return {
    idempotencyKey,
    attempt: 1,
    os: undefined,
    publish: () => undefined,
    secret: (name) => t.core.secrets.reveal(name),
    setting: (key) => t.core.settings.get(key),
    log: createLogger(undefined, 'silent'),
  };
}

describe('the email channel through Resend', () => {
  it('posts one email with html and text, the outbox row as Idempotency-Key, and keeps Resend\'s id as the answer', async () => {
    const { server, t } = await resendSetup();
    emailAlert(t, 'api', { title: 'Monitor down: api <b>' });
    const row = await deliveredNewest(t);
    expect(row).toMatchObject({ channel: 'email', state: 'sent', attempts: 1 });
    expect(server.sent).toHaveLength(1);
    const [email] = server.sent;
    expect(email).toMatchObject({ from: 'Levqor <alerts@example.com>', to: ['founder@example.com'], subject: '[Critical] Monitor down: api <b>' });
    expect(email!.html).toContain('Monitor down: api &lt;b&gt;');
    expect(email!.text).toContain('no answer for 3 minutes');
    const request = server.requests.find((r) => r.path === '/emails')!;
    expect(request.headers['idempotency-key']).toBe(row!.id);
    expect(request.headers.authorization).toBe('Bearer re_test_full');
  });

  it('sends a repeat of the same row once: Resend answers the first id for the same Idempotency-Key', async () => {
    const { server, t } = await resendSetup();
    const notice = { id: 'n1', title: 'Run failed', body: 'nightly', area: 'workflows' as const, at: t.clock.now() };
    const first = await emailChannel.deliver(notice, rowContext(t, 'row-1'));
    const again = await emailChannel.deliver(notice, rowContext(t, 'row-1'));
    expect(first.status).toBe('sent');
    expect(again).toEqual(first);
    expect(server.sent).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === '/emails')).toHaveLength(2);
  });

  it('waits out a 429, retries a 503, and gives up on a 422 with Resend\'s words but never the key', async () => {
    const { server, t } = await resendSetup();
    server.script.push({ status: 429, name: 'rate_limit_exceeded', message: 'Too many requests.', headers: { 'retry-after': '2' } });
    emailAlert(t, 'a');
    expect(await deliveredNewest(t)).toMatchObject({ state: 'pending', lastError: 'Resend answered 429: rate_limit_exceeded: Too many requests.' });
    expect(resendResult(429, '{"name":"rate_limit_exceeded","message":"slow down"}', '2', 0)).toMatchObject({ status: 'failed', retryable: true, retryAfterMs: 2000 });

    server.script.push({ status: 503, name: 'internal_server_error', message: 'Try again.' });
    expect(await emailChannel.deliver({ id: 'n', title: 't', body: '', area: 'guardian', at: 0 }, rowContext(t, 'row-503'))).toMatchObject({ status: 'failed', retryable: true });

    server.script.push({ status: 422, name: 'validation_error', message: 'Invalid `to` field.' });
    const refused = await emailChannel.deliver({ id: 'n', title: 't', body: '', area: 'guardian', at: 0 }, rowContext(t, 'row-422'));
    expect(refused).toMatchObject({ status: 'failed', retryable: false, error: 'Resend answered 422: validation_error: Invalid `to` field.' });
    expect(JSON.stringify(refused)).not.toContain('re_test_full');
    expect(server.sent).toHaveLength(0);
  });

  it('counts an unreachable Resend as a failure that may pass', async () => {
    const { server, t } = await resendSetup();
    await server.close();
    const result = await emailChannel.deliver({ id: 'n', title: 't', body: '', area: 'guardian', at: 0 }, rowContext(t, 'row-down'));
    expect(result).toMatchObject({ status: 'failed', retryable: true });
    expect(JSON.stringify(result)).not.toContain('127.0.0.1');
  });
});

describe('email settings', () => {
  it('refuses a bad address or an SMTP URL with a password, naming the setting and the rule, and stores nothing', () => {
    const t = notifyCore();
    open.push(t);
    expect(() => t.core.settings.set('notify.email.to', 'founder at example.com')).toThrow('Alert email recipient must be an email address like founder@example.com');
    expect(() => t.core.settings.set('notify.email.from', 'Levqor <alerts@>')).toThrow('Alert email sender must be an email address like alerts@example.com');
    expect(() => t.core.settings.set('notify.smtp.url', 'https://mail.example.com')).toThrow('SMTP server must be an smtp:// or smtps:// URL');
    expect(() => t.core.settings.set('notify.smtp.url', 'smtps://me:hunter2@mail.example.com:465')).toThrow('SMTP server must not carry a password: store it with levqor secrets set smtp.password');
    expect(() => t.core.settings.set('notify.resend.apiBase', 'ftp://resend.example.com')).toThrow();
    expect(t.core.settings.get('notify.email.to')).toBe('');
    expect(t.core.settings.get('notify.smtp.url')).toBe('');
    expect(t.core.settings.set('notify.email.from', 'Levqor <alerts@example.com>').value).toBe('Levqor <alerts@example.com>');
  });
});

describe('notify.channels and notify.test', () => {
  it('lists every channel, says what is missing, and sends a test through os and email now, outside the outbox', async () => {
    const os = new RecordingNotifier();
    const t = notifyCore({ os });
    open.push(t);
    const dispatcher = createDispatcher(t.core);
    // the dispatcher's answer, or its refusal thrown so that rejects.toMatchObject reads it
    const api = {
      call: async <P extends 'notify.channels' | 'notify.test'>(procedure: P, input: unknown) => {
        const result = await dispatcher.call(procedure, input);
        if (!result.ok) throw result.error;
        return result.value as ProcedureOutput<P>;
      },
    };
    const before = await api.call('notify.channels', {});
    expect(before.channels.map((c) => c.id)).toEqual(expect.arrayContaining(['os', 'email']));
    expect(before.channels.find((c) => c.id === 'email')).toMatchObject({
      label: 'Email',
      configured: false,
      reason: 'no way to send email: set the secret resend.apiKey (Resend) or the setting notify.smtp.url (your own mail server)',
      lastDelivery: null,
    });
    expect(await api.call('notify.test', { channel: 'email' })).toMatchObject({ channel: 'email', outcome: 'not-configured', answer: null });

    expect(await api.call('notify.test', { channel: 'os' })).toMatchObject({ channel: 'os', outcome: 'sent', error: null });
    expect(os.shown.map((n) => n.title)).toEqual(['Test from Levqor X']);
    expect(os.shown[0]!.area).toBe('alerts');

    const server = await ResendServer.start();
    open.push(server);
    t.core.settings.set('notify.resend.apiBase', server.url);
    t.core.settings.set('notify.email.to', 'founder@example.com');
    t.core.settings.set('notify.email.from', 'alerts@example.com');
    t.core.secrets.set('resend.apiKey', 're_test_full');
    const sent = await api.call('notify.test', { channel: 'email' });
    expect(sent).toMatchObject({ channel: 'email', outcome: 'sent', error: null, answer: `Resend accepted it as email ${server.sent[0]!.id}` });
    expect(t.core.notify.outbox({ limit: 10 })).toEqual([]);

    server.script.push({ status: 403, name: 'validation_error', message: 'The example.org domain is not verified.' });
    expect(await api.call('notify.test', { channel: 'email' })).toMatchObject({ outcome: 'failed', error: 'Resend answered 403: validation_error: The example.org domain is not verified.' });

    await expect(api.call('notify.test', { channel: 'pigeon' })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'channel', message: expect.stringContaining(`must be one of ${channels.map((c) => c.id).join(', ')}`) });

    emailAlert(t, 'db');
    await t.core.notify.deliverDue();
    const after = await api.call('notify.channels', {});
    expect(after.channels.find((c) => c.id === 'email')).toMatchObject({ configured: true, reason: null, lastDelivery: { state: 'sent', error: null } });
  });
});

describe('the Test of resend.apiKey', () => {
  it('lists the domains without sending, says when the sender\'s domain is not verified, and knows a sending-only key', async () => {
    const { server, t } = await resendSetup();
    expect(await t.core.secrets.test('resend.apiKey')).toMatchObject({ outcome: 'ok', message: 'Resend accepts the key: 1 domain, verified: example.com' });
    t.core.settings.set('notify.email.from', 'alerts@other.example');
    expect((await t.core.secrets.test('resend.apiKey')).message).toContain('the sender\'s domain other.example (notify.email.from) is not verified there');
    server.keys.set('re_send_only', 'sending_access');
    t.core.secrets.set('resend.apiKey', 're_send_only');
    expect(await t.core.secrets.test('resend.apiKey')).toMatchObject({ outcome: 'ok', message: 'Resend knows this key; it may only send email, so its domains cannot be listed' });
    t.core.secrets.set('resend.apiKey', 're_unknown');
    const refused = await t.core.secrets.test('resend.apiKey');
    expect(refused).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Resend refused the key (403)') });
    expect(server.sent).toHaveLength(0);
  });
});
