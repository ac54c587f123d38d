/**
 * Messages a workflow step sends to the founder's own Telegram chat or Slack webhook (steps
 * telegram.send, slack.send), or an email to any address (email.send): createCore hands this port over, made from the notify layer's
 * channels, so the engine reuses their delivery code without importing notify.
 */
export type MessageChannel = 'telegram' | 'slack' | 'email';

export interface OutgoingMessage {
  title: string;
  body: string;
  /** email only: the recipient, in place of the founder's own address (notify.email.to). */
  to?: string;
}

export type MessageSendResult =
  | { status: 'sent'; answer?: string }
  | { status: 'failed'; retryable: boolean; error: string }
  | { status: 'skipped'; reason: string };

export interface MessagePort {
  /** true, or why the channel cannot send now (no token, no chat id, no webhook, no email provider). */
  configured(channel: MessageChannel, to?: string): true | string;
  /** One attempt; the key is the step's idempotency key, the same on every attempt. */
  send(channel: MessageChannel, message: OutgoingMessage, idempotencyKey: string): Promise<MessageSendResult>;
}
