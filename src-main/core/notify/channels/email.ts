import { defineChannel, type ChannelContext } from '../channel';
import { checkResendKey, resendMinIntervalMs, sendViaResend } from '../email/resend';
import { checkSmtpLogin, sendViaSmtp, smtpLoginWithoutPassword } from '../email/smtp';
import { renderBriefingEmail } from '../briefing/renderers/email';
import { renderEmail } from '../render-email';

/** Which way email leaves: the founder's SMTP server when notify.smtp.url is set, else Resend when its key is; else why neither. */
function emailRoute(ctx: ChannelContext): { via: typeof sendViaSmtp; from: string; to: string } | string {
  const via = ctx.setting('notify.smtp.url') !== '' ? sendViaSmtp : ctx.secret('resend.apiKey') ? sendViaResend : undefined;
  if (!via) return 'no way to send email: set the secret resend.apiKey (Resend) or the setting notify.smtp.url (your own mail server)';
  if (via === sendViaSmtp && smtpLoginWithoutPassword(ctx)) return 'the SMTP server in notify.smtp.url has a user but no password: set the secret smtp.password';
  const to = ctx.setting('notify.email.to');
  if (to === '') return 'no address to send to: set notify.email.to';
  const from = ctx.setting('notify.email.from');
  if (from === '') return 'no sender address: set notify.email.from';
  return { via, from, to };
}

/**
 * Email, HTML and text parts: through Resend's HTTP API (an Idempotency-Key per outbox row, so a
 * repeat after a crash is not sent twice) or, for founders with their own mail server, over SMTP.
 */
export const emailChannel = defineChannel({
  id: 'email',
  label: 'Email',
  minIntervalMs: resendMinIntervalMs,
  configured: (ctx) => {
    const route = emailRoute(ctx);
    return typeof route === 'string' ? route : true;
  },
  async deliver(notice, ctx) {
    const route = emailRoute(ctx);
    if (typeof route === 'string') return { status: 'skipped', reason: route };
    return route.via(notice.briefing ? renderBriefingEmail(notice.briefing) : renderEmail(notice, ctx.appUrl), route, ctx);
  },
  secretChecks: [
    { secret: 'resend.apiKey', check: checkResendKey },
    { secret: 'smtp.password', check: checkSmtpLogin },
  ],
});
