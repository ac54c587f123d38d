import { z } from 'zod';
import { areas, type AreaId } from '../areas';
import { event, procedure } from './procedure';
import { byId, epochMs, listOf, noInput } from './common';
import { briefingRenderingsSchema, briefingSchema, briefingSendSchema } from './briefing';

const areaIds = areas.map((a) => a.id) as [AreaId, ...AreaId[]];

export const noticeSeverities = ['info', 'warning', 'critical'] as const;
export type NoticeSeverity = (typeof noticeSeverities)[number];

/** What the founder is told: a title, a line of body, and the area of the app that explains it. */
export const noticeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    /** One of the app's areas (shared/areas): where clicking the notice leads. */
    area: z.enum(areaIds),
    at: epochMs,
    /** How much it matters: quiet hours hold back all but critical notices. Absent means info. */
    severity: z.enum(noticeSeverities).optional(),
    /** The approval this notice asks about: channels that can, offer Approve / Reject or a link to it. */
    approvalId: z.string().optional(),
    /** The daily founder briefing this notice carries: a channel that has it renders it (renderBriefingFor) instead of title and body. */
    briefing: briefingSchema.optional(),
    /** How many alerts this one message stands for: repeats of one alert folded into it, or the rows of a digest. */
    count: z.number().int().min(2).optional(),
  })
  .strict();
export type Notice = z.infer<typeof noticeSchema>;

/**
 * pending: waiting for its (next) attempt; sent: delivered, never again; failed: gave up (notify.retry
 * tries again); skipped: the channel was not set up; merged: went out inside another row's digest (mergedInto).
 */
export const outboxStates = ['pending', 'sent', 'failed', 'skipped', 'merged'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** One notice for one channel. */
export const outboxRowSchema = z.object({
  id: z.string(),
  channel: z.string(),
  notice: noticeSchema,
  state: z.enum(outboxStates),
  attempts: z.number().int(),
  nextAttemptAt: epochMs.nullable(),
  lastError: z.string().nullable(),
  createdAt: epochMs,
  sentAt: epochMs.nullable(),
  /** What the provider said at the last attempt (a message id, "ok"), never a secret. */
  lastAnswer: z.string().nullable(),
  lastAttemptAt: epochMs.nullable(),
  /** A merged row: the row whose digest carried it. */
  mergedInto: z.string().nullable(),
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;

/** One channel as the founder checks it: set up or why not, and how its latest outbox row ended. */
export const channelStatusSchema = z.object({
  id: z.string(),
  label: z.string(),
  configured: z.boolean(),
  /** Why it is not set up, naming the setting or secret to set; null when configured. */
  reason: z.string().nullable(),
  /** The newest finished outbox row of this channel (a test is not one); null when none. */
  lastDelivery: z.object({ state: z.enum(outboxStates), at: epochMs, error: z.string().nullable() }).nullable(),
});
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

/** sent: the provider took it; failed: it refused or could not be reached; skipped / not-configured: nothing was sent, `error` says why. */
export const channelTestOutcomes = ['sent', 'failed', 'skipped', 'not-configured'] as const;

/** What a "send test" came to, in the provider's own words. */
export const channelTestSchema = z.object({
  channel: z.string(),
  outcome: z.enum(channelTestOutcomes),
  /** What the provider answered (a message id, its status line); null when it said nothing. */
  answer: z.string().nullable(),
  error: z.string().nullable(),
  at: epochMs,
  tookMs: z.number().int(),
});
export type ChannelTest = z.infer<typeof channelTestSchema>;

/** One attempt at one outbox row: when, how long, what came of it and what the provider answered. */
export const deliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  at: epochMs,
  ms: z.number().int(),
  outcome: z.enum(['sent', 'failed', 'skipped']),
  answer: z.string().nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/** Whether alerts are paused: until when (null: not paused). Critical notices go out even then. */
export const notifyStatusSchema = z.object({ pausedUntil: epochMs.nullable() });
export type NotifyStatus = z.infer<typeof notifyStatusSchema>;

export const notifyProcedures = {
  'notify.outbox': procedure({
    summary: 'The notification outbox, newest first: each notice for each channel, with its state, attempts and last error.',
    input: z
      .object({
        state: z.enum(outboxStates, { error: () => `must be one of ${outboxStates.join(', ')}` }).optional(),
        limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
      })
      .strict(),
    output: listOf('rows', outboxRowSchema),
  }),
  'notify.retry': procedure({
    summary: 'Deliver a failed or skipped outbox row again, from its first attempt (a sent row is never sent twice).',
    input: z.object({ id: z.string().min(1, 'must not be empty').max(64, 'is not an outbox row id') }).strict(),
    output: outboxRowSchema,
  }),
  'notify.briefing': procedure({
    summary:
      'The daily founder briefing composed now, with what each channel would send; send: true sends it now through the outbox to notify.briefing.channels (pre-launch, an outside channel first asks for approval with the preview).',
    input: z.object({ send: z.boolean({ error: () => 'must be true or false' }).default(false) }).strict(),
    output: z.object({ briefing: briefingSchema, renderings: briefingRenderingsSchema, sent: z.array(briefingSendSchema).optional() }),
  }),
  'notify.channels': procedure({
    summary: 'Every alert channel: whether it is set up (or which setting or secret is missing) and how its latest delivery ended.',
    input: noInput,
    output: listOf('channels', channelStatusSchema),
  }),
  'notify.test': procedure({
    summary: 'Send a test notice through one channel now (not through the outbox) and return what the provider answered.',
    input: z.object({ channel: z.string().min(1, 'must name a channel such as email').max(64, 'is not a channel name') }).strict(),
    output: channelTestSchema,
  }),
  'notify.history': procedure({
    summary: 'One outbox row and every attempt at it: when, how long, the outcome and the provider\u2019s answer.',
    input: byId(z.string().min(1, 'must not be empty').max(64, 'is not an outbox row id')),
    output: z.object({ row: outboxRowSchema, attempts: z.array(deliveryAttemptSchema) }),
  }),
  'notify.pause': procedure({
    summary: 'Pause alerts for some minutes (the tray\u2019s "Pause alerts for 1 h"): held notices go out when the pause ends; critical ones go out at once.',
    input: z.object({ minutes: z.number({ error: () => 'must be a number of minutes' }).int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(7 * 24 * 60, 'must be at most 10080 minutes (a week)') }).strict(),
    output: notifyStatusSchema,
  }),
  'notify.resume': procedure({
    summary: 'End a pause of alerts now: held notices go out.',
    input: noInput,
    output: notifyStatusSchema,
  }),
  'notify.status': procedure({
    summary: 'Whether alerts are paused, and until when.',
    input: noInput,
    output: notifyStatusSchema,
  }),
};

export const notifyEvents = {
  'notify.notice': event({
    summary: 'A notice for the founder, published by the os channel where no OS notifier exists (levqor serve): a browser that allowed notifications shows it.',
    payload: noticeSchema,
  }),
};
