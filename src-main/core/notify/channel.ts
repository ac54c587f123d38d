import type { Notice } from '../../../shared/contract/notify';
import type { SecretName } from '../../../shared/secrets';
import type { SettingKey, SettingValue } from '../../../shared/settings';
import type { Db } from '../db/open';
import type { Logger } from '../logger';

/**
 * The operating system's own notification, as a port: core defines it, the desktop app
 * implements it with Electron's Notification (src-main/electron/os-notifier.ts) and passes
 * it to createCore. Without one (levqor serve) the os channel publishes notify.notice instead.
 */
export interface OsNotifier {
  /** false: this system shows no notifications (the os channel then skips). */
  isSupported?(): boolean;
  show(notice: Notice): void | Promise<void>;
}

/** What one attempt at delivering came to. */
export type DeliveryResult =
  /** answer: what the provider said (a message id, its status line), kept in the delivery history. */
  | { status: 'sent'; answer?: string }
  /** retryAfterMs: the provider's Retry-After; the next attempt waits at least this long. */
  | { status: 'failed'; retryable: boolean; error: string; retryAfterMs?: number; answer?: string }
  | { status: 'skipped'; reason: string };

/** What a channel gets for one attempt at one outbox row. */
export interface ChannelContext {
  /**
   * The same for every attempt at one outbox row. A service that accepts one (an email API's
   * Idempotency-Key) can then drop the repeat that follows a crash between sending and
   * recording the send.
   */
  idempotencyKey: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The OS notifier the transport gave createCore (the desktop app), if any. */
  os: OsNotifier | undefined;
  /** Puts the notice on the event bus as notify.notice (the browsers of levqor serve show it). */
  publish(notice: Notice): void;
  /** A secret's value (a webhook URL, a bot token, an API key); undefined when it is not set. */
  secret(name: SecretName): string | undefined;
  /** A setting's current value (a chat id, an API base URL, an address). */
  setting<K extends SettingKey>(key: K): SettingValue<K>;
  /** An address a browser can open the app at (levqor serve's), for links back into it; absent in the desktop app. */
  appUrl?: string;
  log: Logger;
  /** The app's database, for a channel that keeps its own table (Telegram: parts sent, approval buttons); the outbox always gives it. */
  db?: Db;
}

/**
 * A check of one of a channel's secrets that sends the founder nothing (Telegram's getMe,
 * Resend's domain list, an SMTP login): the secret's Test in Settings. It answers in one
 * sentence what it found; a throw is a failure, its message the reason (never the secret).
 */
export interface SecretCheck {
  secret: SecretName;
  check(ctx: ChannelContext, signal: AbortSignal): Promise<string>;
}

/** One way of reaching the founder. */
export interface ChannelDef<Id extends string = string> {
  id: Id;
  /** How the outbox and the settings name it. */
  label: string;
  /** true, or why the channel cannot deliver now; its rows are then skipped with that reason. */
  configured(ctx: ChannelContext): true | string;
  /** One attempt. A throw counts as a failure that may be retried. */
  deliver(notice: Notice, ctx: ChannelContext): DeliveryResult | Promise<DeliveryResult>;
  /**
   * The provider's published rate for one destination (Telegram: one message a second per
   * chat; Slack: one a second per webhook): the outbox leaves at least this long between two
   * sends on this channel. Absent: no limit.
   */
  minIntervalMs?: number;
  /**
   * Attempts before a retryable failure is given up as `failed`. Absent: no count, only the
   * row's age (setting notify.giveUpAfter). A provider's Retry-After never counts.
   */
  maxAttempts?: number;
  /** How each secret the channel uses is tested without sending anything; createCore registers them with the secrets. */
  secretChecks?: readonly SecretCheck[];
}

/** What a channel whose service is on this machine (the os channel) allows: a failure there rarely passes by waiting. */
export const defaultMaxAttempts = 6;

/** Keeps a channel's id a literal type, so the rules table can only name channels that exist. */
export function defineChannel<const Id extends string>(def: ChannelDef<Id>): ChannelDef<Id> {
  return def;
}
