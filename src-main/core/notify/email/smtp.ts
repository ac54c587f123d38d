import { isLoopbackHostname } from '../../../../shared/secret-destination';
import type { ChannelContext, DeliveryResult } from '../channel';
import type { EmailMessage } from '../render-email';

/** How long a mail server may take to accept the connection, greet, and answer each command. */
const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * A nodemailer transport for the setting notify.smtp.url (smtp://user@host:587 with STARTTLS, or
 * smtps://user@host:465 with TLS from the start) and the secret smtp.password. A plain smtp://
 * server elsewhere than this machine must offer STARTTLS: the password never crosses the
 * network in the clear.
 */
/** Loaded on the first email: nodemailer is not needed to start. */
async function smtpTransport(ctx: ChannelContext) {
  const { default: nodemailer } = await import('nodemailer');
  const url = new URL(ctx.setting('notify.smtp.url'));
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const pass = ctx.secret('smtp.password');
  return nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !isLoopbackHostname(url.hostname),
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    ...smtpTimeouts,
  });
}

/** A user in notify.smtp.url asks for a login, which needs the secret smtp.password. */
export function smtpLoginWithoutPassword(ctx: ChannelContext): boolean {
  return new URL(ctx.setting('notify.smtp.url')).username !== '' && !ctx.secret('smtp.password');
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** What went wrong, in the server's own words where it gave some, with the password cut out whatever the server echoed. */
function smtpErrorText(err: SmtpError, ctx: ChannelContext): string {
  const said = err.response ?? err.message ?? String(err);
  const pass = ctx.secret('smtp.password');
  const clean = pass ? said.split(pass).join('***') : said;
  return `the mail server answered: ${clean.replace(/\s+/g, ' ').trim().slice(0, 300)}`;
}

/**
 * A mail server's refusal as a delivery result. SMTP's own rule: a 4xx reply is temporary
 * (greylisting, a full queue) and may pass; a 5xx reply is permanent (an unknown mailbox, a
 * refused sender), as is a refused login. No reply at all (refused, timed out) may pass.
 */
export function smtpFailure(err: SmtpError, ctx: ChannelContext): DeliveryResult {
  const error = smtpErrorText(err, ctx);
  if (typeof err.responseCode === 'number') return { status: 'failed', retryable: err.responseCode < 500, error, ...(err.response ? { answer: err.response } : {}) };
  if (err.code === 'EAUTH' || err.code === 'EENVELOPE' || err.code === 'EMESSAGE' || err.code === 'EADDRESS') return { status: 'failed', retryable: false, error };
  return { status: 'failed', retryable: true, error };
}

/**
 * One email through the founder's own mail server, HTML and text parts in one message. Its
 * Message-ID comes from the outbox row's idempotency key: a repeat after a crash between
 * sending and recording carries the same id, which many mail services then show once.
 */
export async function sendViaSmtp(message: EmailMessage, addresses: { from: string; to: string }, ctx: ChannelContext): Promise<DeliveryResult> {
  const transport = await smtpTransport(ctx);
  const domain = /@([^>\s]+)>?\s*$/.exec(addresses.from)?.[1] ?? 'levqor.invalid';
  try {
    const info = await transport.sendMail({
      from: addresses.from,
      to: addresses.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${ctx.idempotencyKey}@${domain}>`,
    });
    return { status: 'sent', answer: String(info.response ?? 'accepted').slice(0, 300) };
  } catch (err) {
    return smtpFailure(err as SmtpError, ctx);
  } finally {
    transport.close();
  }
}

/** The Test of smtp.password, which sends nothing: connect, TLS, and log in to notify.smtp.url. */
export async function checkSmtpLogin(ctx: ChannelContext, signal: AbortSignal): Promise<string> {
  const raw = ctx.setting('notify.smtp.url');
  if (raw === '') throw new Error('notify.smtp.url is not set: there is no mail server to log in to');
  const transport = await smtpTransport(ctx);
  const abort = () => transport.close();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await transport.verify();
    const url = new URL(raw);
    return `the mail server at ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)} accepted the login${url.username ? ` of ${decodeURIComponent(url.username)}` : ''}`;
  } catch (err) {
    throw new Error(smtpErrorText(err as SmtpError, ctx));
  } finally {
    signal.removeEventListener('abort', abort);
    transport.close();
  }
}
