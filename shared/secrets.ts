/**
 * The secrets the app knows. Values are write-only from every transport: callers learn
 * "set / not set", never the value. Later capabilities add their names here.
 */
export const secretDefinitions = {
  'openai.apiKey': { label: 'OpenAI API key', env: 'OPENAI_API_KEY' },
  'stripe.secretKey': { label: 'Stripe secret key', env: 'STRIPE_SECRET_KEY' },
  'stripe.webhookSecret': { label: 'Stripe webhook signing secret', env: 'STRIPE_WEBHOOK_SECRET' },
  'google.driveCredentials': { label: 'Google Drive credentials (JSON)', env: 'LEVQOR_DRIVE_CREDENTIALS' },
  'slack.webhookUrl': { label: 'Slack incoming webhook URL', env: 'SLACK_WEBHOOK_URL' },
  'telegram.botToken': { label: 'Telegram bot token', env: 'TELEGRAM_BOT_TOKEN' },
  'resend.apiKey': { label: 'Resend API key', env: 'RESEND_API_KEY' },
  'database.url': { label: 'Remote Postgres URL', env: 'LEVQOR_DATABASE_URL' },
} as const satisfies Record<string, { label: string; env: string }>;

export type SecretName = keyof typeof secretDefinitions;
export const secretNames = Object.keys(secretDefinitions) as SecretName[];

export function isSecretName(name: string): name is SecretName {
  return Object.hasOwn(secretDefinitions, name);
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
