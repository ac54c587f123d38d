import { z } from 'zod';
import { jsonFromText, jsonMapSetting } from './json-from-text';
import { launchStageSchema, defaultLaunchStage } from './stage';
import { secretDestinationUrl } from './secret-destination';
import { briefingSettingDefinitions } from './briefing-settings';
import { emailSettingDefinitions } from './email-settings';
import { aiSettingDefinitions } from './ai-settings';
import { onboardingSettingDefinitions } from './onboarding-settings';
import { contentSettingDefinitions } from './content-settings';
import { queueSettingDefinitions } from './queue-settings';
import { runBacklogSettingDefinitions } from './run-backlog-settings';
import { quietHoursProblems, quietHoursRule } from './quiet-hours';

const namesAFolder = 'it names a folder on this machine';
const decidesWhereSecretsGo = 'it decides where a secret is sent';
const namesAProgram = 'it names a program on this machine that the app runs';
const decidesWhoCanReachTheApp = 'it decides which machines can reach the app';
const inboundHostRule = 'must be an address of this machine to listen on: 127.0.0.1 (this machine only), 0.0.0.0 or :: (every network), or one of its IP addresses or host names';

const sloRule = 'must be a fraction above 0.5 and below 1, such as 0.999 for 99.9%';
const currencyRule = 'must be a three-letter currency code, such as usd or EUR';
const telegramChatIdRule = 'must be a whole number, negative for a group (such as 123456789 or -1001234567890), or empty';
const ratesRule = 'must be a JSON map from three-letter currency codes to what one unit of each is worth in the report currency, such as {"eur": 1.08, "gbp": 1.27}';

/** One unit of each currency in the report currency: positive numbers under three-letter codes. */
const currencyRates = jsonMapSetting(z.number({ error: () => ratesRule }).positive(ratesRule).finite(ratesRule), ratesRule, (code) =>
  /^[A-Za-z]{3}$/.test(code) ? undefined : 'is not a three-letter currency code',
);

/** notify.quietHours: a JSON map of channel → "HH:MM-HH:MM", each problem named. */
const quietHours = z.preprocess(
  jsonFromText,
  z.record(z.string(), z.unknown(), { error: () => quietHoursRule }).superRefine((map, ctx) => {
    for (const problem of quietHoursProblems(map)) ctx.addIssue({ code: 'custom', message: `${quietHoursRule}; ${problem}` });
  }),
) as z.ZodType<Record<string, string>>;

/**
 * A whole-number setting whose every way of being wrong (not a number, a fraction, too small,
 * too big) gets the one sentence that states the rule, so the founder reads what to type.
 */
function wholeNumber(rule: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.number({ error: () => rule }).int(rule).min(min, rule).max(max, rule);
}

/**
 * Every founder-visible setting: its schema, default and a sentence for the UI.
 * Adding a setting = adding one entry here; the store, API, CLI and Settings page follow.
 */
export const settingDefinitions = {
  stage: {
    schema: launchStageSchema,
    defaultValue: defaultLaunchStage,
    label: 'Launch stage',
    description: 'pre-launch: Class B steps ask for approval first, showing their dry run; post-launch runs them.',
    env: 'LEVQOR_LAUNCH_STAGE',
  },
  productsDir: {
    schema: z.string().trim().min(1, 'must not be empty'),
    defaultValue: '',
    label: 'Products folder',
    description: 'Where products/<slug>.product.json live. Empty means the products folder in the data dir.',
    env: 'LEVQOR_PRODUCTS_DIR',
    cliOnly: namesAFolder,
  },
  'drive.folderId': {
    schema: z.string().trim().regex(/^[A-Za-z0-9_-]*$/, 'must be a Google Drive folder id (letters, digits, - and _), or empty'),
    defaultValue: '',
    label: 'Drive folder',
    description: 'The Google Drive folder (a shared drive\u2019s folder too) that compiled products upload to. Empty means My Drive.',
    env: 'LEVQOR_DRIVE_FOLDER_ID',
  },
  'drive.rootUrl': {
    schema: secretDestinationUrl,
    defaultValue: 'https://www.googleapis.com/',
    label: 'Drive API address',
    description: 'Where the Google Drive API answers; change it only for a proxy or a test server.',
    env: 'LEVQOR_DRIVE_ROOT_URL',
    cliOnly: decidesWhereSecretsGo,
  },
  logLevel: {
    schema: z.enum(['debug', 'info', 'warn', 'error'], { error: () => 'must be debug, info, warn or error' }),
    defaultValue: 'info',
    label: 'Log level',
    description: 'How much the app writes to its JSON log in the data dir.',
    env: 'LEVQOR_LOG_LEVEL',
  },
  'updates.autoCheck': {
    schema: z.boolean({ error: () => 'must be true or false' }),
    defaultValue: true,
    label: 'Check for updates',
    description: 'The desktop app looks for a new version at start; a failed check only logs.',
    env: undefined,
  },
  'telemetry.retentionDays': {
    schema: wholeNumber('must be a whole number of days from 1 to 3650', 1, 3650),
    defaultValue: 30,
    label: 'Keep raw telemetry (days)',
    description: 'Raw telemetry rows older than this are pruned; per-minute, per-hour and per-day rollups are kept 1, 30 and 365 days.',
    env: undefined,
  },
  'telemetry.syncIntervalSeconds': {
    schema: wholeNumber('must be a whole number of seconds from 0 (off) to 86400 (a day)', 0, 86_400),
    defaultValue: 60,
    label: 'Telemetry sync interval (seconds)',
    description: 'How often the running app pushes and pulls telemetry with the remote Postgres; 0 turns the schedule off.',
    env: undefined,
  },
  'telemetry.slo': {
    schema: z.number({ error: () => sloRule }).gt(0.5, sloRule).lt(1, sloRule),
    defaultValue: 0.999,
    label: 'Availability SLO',
    description: 'The share of requests that must not fail with a 5xx; error-rate alerts use its burn rate.',
    env: undefined,
  },
  'telemetry.slowP95Ms': {
    schema: wholeNumber('must be a whole number of milliseconds, 1 or more', 1),
    defaultValue: 1000,
    label: 'Slow endpoint threshold (p95, ms)',
    description: 'An endpoint whose p95 duration is over this and well over its own baseline is reported as slow.',
    env: undefined,
  },
  'backup.resticPath': {
    schema: z.string().trim().regex(/^(|\/.*|[A-Za-z]:[\\/].*)$/, 'must be an absolute path to the restic program, or empty to use the restic on PATH'),
    defaultValue: '',
    label: 'restic program',
    description: 'The restic that backups run (0.14 or newer). Empty means the first restic on PATH.',
    env: 'LEVQOR_RESTIC_PATH',
    cliOnly: namesAProgram,
  },
  'revenue.currency': {
    schema: z.string({ error: () => currencyRule }).trim().regex(/^[A-Za-z]{3}$/, currencyRule),
    defaultValue: 'usd',
    label: 'Report currency',
    description: 'Revenue totals (MRR, ARR, one-off revenue, fees) are shown in this currency; amounts in others are converted with the currency rates.',
    env: undefined,
  },
  'revenue.rates': {
    schema: currencyRates,
    defaultValue: {},
    label: 'Currency rates',
    description: 'What one unit of each other currency is worth in the report currency, e.g. {"eur": 1.08}. A total that needs a currency missing here is refused, naming it, never mixed.',
    env: undefined,
  },
  'stripe.apiBase': {
    schema: secretDestinationUrl,
    defaultValue: 'https://api.stripe.com/',
    label: 'Stripe API address',
    description: 'Where the Stripe API answers; change it only for a proxy or a test server.',
    env: 'LEVQOR_STRIPE_API_BASE',
    cliOnly: decidesWhereSecretsGo,
  },
  'stripe.mode': {
    schema: z.enum(['test', 'live'], { error: () => 'must be test or live' }),
    defaultValue: 'test',
    label: 'Stripe mode',
    description: 'Which Stripe data the app reads: test or live. A secret key of the other mode is refused, so test data and real money never mix.',
    env: 'LEVQOR_STRIPE_MODE',
  },
  'stripe.syncEvery': {
    schema: wholeNumber('must be a whole number of minutes from 0 (off) to 1440 (a day)', 0, 1440),
    defaultValue: 15,
    label: 'Stripe sync interval (minutes)',
    description: 'How often the running app fetches what changed in Stripe; 0 turns the schedule off (a sync by hand still works).',
    env: undefined,
  },
  'inbound.port': {
    schema: wholeNumber('must be a whole number from 0 (off) to 65535', 0, 65_535),
    defaultValue: 4320,
    label: 'Inbound port (desktop app)',
    description: 'The port where the desktop app answers Stripe webhooks, workflow webhooks, heartbeats and telemetry ingest (each with its own secret; no API, no pages); 0 turns it off.',
    env: 'LEVQOR_INBOUND_PORT',
  },
  'inbound.host': {
    schema: z.string({ error: () => inboundHostRule }).trim().regex(/^([A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/, inboundHostRule),
    defaultValue: '127.0.0.1',
    label: 'Inbound address (desktop app)',
    description: 'The address the desktop app\u2019s inbound server listens on; 127.0.0.1 is this machine only (a tunnel such as stripe listen or cloudflared forwards to it).',
    env: 'LEVQOR_INBOUND_HOST',
    cliOnly: decidesWhoCanReachTheApp,
  },
  ...briefingSettingDefinitions,
  ...emailSettingDefinitions,
  ...aiSettingDefinitions,
  ...onboardingSettingDefinitions,
  ...contentSettingDefinitions,
  ...queueSettingDefinitions,
  ...runBacklogSettingDefinitions,
  'notify.telegram.chatId': {
    schema: z.preprocess((v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v), z.string({ error: () => telegramChatIdRule }).trim().regex(/^(-?[1-9]\d{0,15})?$/, telegramChatIdRule)),
    defaultValue: '',
    label: 'Telegram chat id',
    description: 'The chat the Telegram bot writes to and takes Approve / Reject answers from: your own user id, or a group\u2019s (negative). Empty: Telegram is off.',
    env: 'LEVQOR_TELEGRAM_CHAT_ID',
  },
  'notify.telegram.apiBase': {
    schema: secretDestinationUrl,
    defaultValue: 'https://api.telegram.org/',
    label: 'Telegram Bot API address',
    description: 'Where the Telegram Bot API answers; change it only for a proxy, a local Bot API server or a test server.',
    env: 'LEVQOR_TELEGRAM_API_BASE',
    cliOnly: decidesWhereSecretsGo,
  },
  'notify.giveUpAfter': {
    schema: wholeNumber('must be a whole number of hours from 1 to 720 (30 days)', 1, 720),
    defaultValue: 24,
    label: 'Give up on an alert after (hours)',
    description: 'An alert a channel keeps refusing (its service down, rate limited) is marked failed once it is this old, and shown in the outbox.',
    env: undefined,
  },
  'notify.quietHours': {
    schema: quietHours,
    defaultValue: {},
    label: 'Quiet hours',
    description: 'Per channel, local times when only critical alerts go out, e.g. {"telegram": "22:00-07:00"}; the others wait for the end of the quiet hours.',
    env: undefined,
  },
} as const satisfies Record<string, SettingDefinition>;

export interface SettingDefinition {
  schema: z.ZodType;
  defaultValue: unknown;
  label: string;
  description: string;
  env: string | undefined;
  /**
   * Set for a setting that only the command line (or its environment variable) may change: why,
   * in words that finish "only the command line can change this: …". Over HTTP or IPC the caller is a page, which must not choose where
   * secrets are sent or which folders are read.
   */
  cliOnly?: string;
}

export type SettingKey = keyof typeof settingDefinitions;
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefinitions)[K]['schema']>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}
