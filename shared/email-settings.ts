import { z } from 'zod';
import { isEmailAddress, parseSender } from './email-address';
import { secretDestinationUrl } from './secret-destination';

const toRule = 'must be an email address like founder@example.com, or empty to send no email';
const fromRule = 'must be an email address like alerts@example.com or Levqor <alerts@example.com>, or empty to send no email';
const smtpRule = 'must be an smtp:// or smtps:// URL such as smtps://alerts@mail.example.com:465 (the password goes in the secret smtp.password, never in the URL), or empty to use Resend';

/** A URL that carries a password would show it wherever settings are shown (the Settings page, levqor settings get, the log). */
function smtpUrlProblem(value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return smtpRule;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return smtpRule;
  if (url.hostname === '') return smtpRule;
  if (url.password !== '') return 'must not carry a password: store it with levqor secrets set smtp.password and write the URL without it, such as smtps://alerts@mail.example.com:465';
  if (url.pathname !== '' && url.pathname !== '/') return smtpRule;
  return undefined;
}

/**
 * The email channel's settings (core/notify/channels/email.ts): where alerts go, who they come
 * from, and which way they leave (Resend's API, or the founder's own SMTP server).
 */
export const emailSettingDefinitions = {
  'notify.email.to': {
    schema: z.string({ error: () => toRule }).trim().refine((v) => v === '' || isEmailAddress(v), toRule),
    defaultValue: '',
    label: 'Alert email recipient',
    description: 'The address alerts and the briefing are emailed to. Empty: no email.',
    env: undefined,
  },
  'notify.email.from': {
    schema: z.string({ error: () => fromRule }).trim().refine((v) => v === '' || parseSender(v) !== undefined, fromRule),
    defaultValue: '',
    label: 'Alert email sender',
    description: 'The From of alert emails: an address on a domain verified in Resend (or one your SMTP server may send as), optionally with a name: Levqor <alerts@example.com>.',
    env: undefined,
  },
  'notify.resend.apiBase': {
    schema: secretDestinationUrl,
    defaultValue: 'https://api.resend.com/',
    label: 'Resend API address',
    description: 'Where the Resend API answers; change it only for a proxy or a test server.',
    env: 'LEVQOR_RESEND_API_BASE',
    cliOnly: 'it decides where a secret is sent',
  },
  'notify.smtp.url': {
    schema: z.string({ error: () => smtpRule }).trim().superRefine((v, ctx) => {
      const problem = smtpUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    defaultValue: '',
    label: 'SMTP server',
    description: 'Your own mail server, as smtp://user@host:587 (STARTTLS) or smtps://user@host:465 (TLS); its password is the secret smtp.password. When set, email goes through it instead of Resend.',
    env: 'LEVQOR_SMTP_URL',
    cliOnly: 'it decides where a secret is sent',
  },
} as const;
