import { driveCredentialsProblem } from './drive-credentials';
import { isLoopbackHostname } from './secret-destination';

/**
 * A secret's format check: why `value` cannot be what the secret holds, as the rest of a
 * sentence that starts with the secret's label ("must be …"), or undefined when it may be.
 * Strict where the service fixes the form (Stripe's prefixes, a Telegram token), lenient where
 * it does not (an OpenAI-compatible server takes any key). It never quotes the value.
 */
export type SecretFormat = (value: string) => string | undefined;

/** One line with no spaces: a pasted key with a space or a line break inside is a wrong paste. */
const oneToken = /^\S+$/;

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function pattern(re: RegExp, rule: string): SecretFormat {
  return (value) => (re.test(value) ? undefined : rule);
}

export const anyApiKey: SecretFormat = pattern(oneToken, 'must be one line with no spaces (the key as the service shows it)');

/** A password as a mail provider gives it: anything on one line. */
export const oneLine: SecretFormat = pattern(/^[^\r\n]+$/, 'must be one line (the password as your mail provider gave it)');

export const stripeSecretKey: SecretFormat = pattern(/^(sk|rk)_(live|test)_[A-Za-z0-9]+$/, 'must start with sk_live_ or sk_test_ (a restricted key: rk_live_ or rk_test_)');

export const stripeWebhookSecret: SecretFormat = pattern(/^whsec_[A-Za-z0-9+/=]+$/, 'must start with whsec_');

export const telegramBotToken: SecretFormat = pattern(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must be digits, a colon, then the token, as BotFather gives it (123456789:AA…)');

export const resendApiKey: SecretFormat = pattern(/^re_[A-Za-z0-9_]+$/, 'must start with re_');

export const driveCredentials: SecretFormat = driveCredentialsProblem;

/** An incoming webhook of Slack: https on hooks.slack.com (plain http to this machine, for a test server). */
export const slackWebhookUrl: SecretFormat = (value) => {
  const rule = 'must be an https:// URL on hooks.slack.com (https://hooks.slack.com/services/…)';
  const url = parsedUrl(value);
  if (!url) return rule;
  if (isLoopbackHostname(url.hostname)) return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : rule;
  return url.protocol === 'https:' && url.hostname === 'hooks.slack.com' && url.pathname.length > 1 ? undefined : rule;
};

export const postgresUrl: SecretFormat = (value) => {
  const url = parsedUrl(value);
  const ok = url && (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  return ok ? undefined : 'must be a postgres:// URL with a host: postgres://user:password@host:5432/database';
};
