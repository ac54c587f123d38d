import * as format from './secret-formats';
import type { SecretFormat } from './secret-formats';

/**
 * The secrets the app knows. Values are write-only from every transport: callers learn
 * "set / not set", never the value. Later capabilities add their names here.
 *
 * `format` checks a value before it is stored (shared/secret-formats.ts). `testComesWith`
 * names the area that will add a "Test" for a secret nothing tests yet, `untestable` says why
 * its service allows none; a secret with a test has it registered by its owning capability in
 * createCore (`secrets.registerTest`).
 */
export const secretDefinitions = {
  'openai.apiKey': { label: 'OpenAI API key', env: 'OPENAI_API_KEY', format: format.anyApiKey },
  'stripe.secretKey': { label: 'Stripe secret key', env: 'STRIPE_SECRET_KEY', format: format.stripeSecretKey },
  'stripe.webhookSecret': { label: 'Stripe webhook signing secret', env: 'STRIPE_WEBHOOK_SECRET', format: format.stripeWebhookSecret, testComesWith: 'Revenue' },
  'google.driveCredentials': { label: 'Google Drive credentials (JSON)', env: 'LEVQOR_DRIVE_CREDENTIALS', format: format.driveCredentials },
  'slack.webhookUrl': {
    label: 'Slack incoming webhook URL',
    env: 'SLACK_WEBHOOK_URL',
    format: format.slackWebhookUrl,
    untestable: 'Slack offers no way to check an incoming webhook without posting to it: send a test message instead (levqor notify test slack)',
  },
  'telegram.botToken': { label: 'Telegram bot token', env: 'TELEGRAM_BOT_TOKEN', format: format.telegramBotToken },
  'resend.apiKey': { label: 'Resend API key', env: 'RESEND_API_KEY', format: format.resendApiKey },
  'smtp.password': { label: 'SMTP password', env: 'SMTP_PASSWORD', format: format.oneLine },
  'database.url': { label: 'Remote Postgres URL', env: 'LEVQOR_DATABASE_URL', format: format.postgresUrl },
} as const satisfies Record<string, SecretDefinition>;

export interface SecretDefinition {
  label: string;
  env: string;
  format: SecretFormat;
  testComesWith?: string;
  /** Why no Test can exist for this secret (its service offers no check that has no effect); the Test button says so. */
  untestable?: string;
}

export type SecretName = keyof typeof secretDefinitions;
export const secretNames = Object.keys(secretDefinitions) as SecretName[];

export function isSecretName(name: string): name is SecretName {
  return Object.hasOwn(secretDefinitions, name);
}

/**
 * Why `value` cannot be stored as secret `name`: "<label> <rule>", naming the secret once and
 * never quoting the value; undefined when it may be stored.
 */
export function secretFormatProblem(name: SecretName, value: string): string | undefined {
  const def: SecretDefinition = secretDefinitions[name];
  const rule = def.format(value);
  return rule === undefined ? undefined : `${def.label} ${rule}`;
}

/**
 * Secrets kept one per thing they belong to, such as each backup plan's repository password:
 * stored encrypted beside the others as `<family>:<key>`, revealed only to core, and never
 * listed by secrets.status (the thing they belong to says whether it has one).
 */
export const secretFamilies = {
  'backup.repositoryPassword': { label: 'Backup repository password' },
  /** A repository URL that carries a password (rest:https://user:pass@host/): the plan's row keeps it with *** instead. */
  'backup.repositoryUrl': { label: 'Backup repository URL with its credentials' },
} as const satisfies Record<string, { label: string }>;

export type SecretFamily = keyof typeof secretFamilies;
