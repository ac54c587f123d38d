import { z } from 'zod';
import { areas, type AreaId } from '../areas';
import { epochMs } from './common';

const areaIds = areas.map((a) => a.id) as [AreaId, ...AreaId[]];
const severities = ['info', 'warning', 'critical'] as const;

/** One fact of the briefing, in words, with how much it matters. */
export const briefingLineSchema = z.object({ text: z.string(), severity: z.enum(severities) }).strict();
export type BriefingLine = z.infer<typeof briefingLineSchema>;

/**
 * One part of the briefing (health, monitors, revenue…): a headline that stands alone (the
 * system notification shows only headlines), the lines behind it, the most severe of them, and
 * the area of the app that explains it. A part with no data says so in its headline.
 */
export const briefingSectionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    area: z.enum(areaIds),
    severity: z.enum(severities),
    headline: z.string(),
    lines: z.array(briefingLineSchema),
  })
  .strict();
export type BriefingSection = z.infer<typeof briefingSectionSchema>;

/** The daily founder briefing as composed once, before any channel renders it. */
export const briefingSchema = z
  .object({
    /** When it was composed. */
    at: epochMs,
    /** The day it is the briefing of, YYYY-MM-DD in `timezone`. */
    date: z.string(),
    timezone: z.string(),
    title: z.string(),
    /** The most severe of its sections. */
    severity: z.enum(severities),
    sections: z.array(briefingSectionSchema),
  })
  .strict();
export type Briefing = z.infer<typeof briefingSchema>;

const slackText = z.object({ type: z.enum(['plain_text', 'mrkdwn']), text: z.string() }).strict();
/** The Block Kit blocks a briefing uses: a header, sections of mrkdwn, dividers and context lines. */
export const slackBlockSchema = z.union([
  z.object({ type: z.literal('header'), text: slackText }).strict(),
  z.object({ type: z.literal('section'), text: slackText }).strict(),
  z.object({ type: z.literal('divider') }).strict(),
  z.object({ type: z.literal('context'), elements: z.array(slackText) }).strict(),
]);
export type SlackBlock = z.infer<typeof slackBlockSchema>;

/** The briefing as each channel sends it (core/notify/briefing/renderers). */
export const briefingRenderingsSchema = z
  .object({
    os: z.object({ title: z.string(), body: z.string() }).strict(),
    /** Telegram HTML parse mode; sections are separated by a blank line and none holds one, so a split at 4,096 characters can keep them whole. */
    telegram: z.object({ html: z.string() }).strict(),
    /** An incoming webhook's body: `text` is the fallback the notification shows. */
    slack: z.object({ text: z.string(), blocks: z.array(slackBlockSchema) }).strict(),
    email: z.object({ subject: z.string(), html: z.string(), text: z.string() }).strict(),
  })
  .strict();
export type BriefingRenderings = z.infer<typeof briefingRenderingsSchema>;
export type BriefingChannel = keyof BriefingRenderings;
export const briefingChannels = Object.keys(briefingRenderingsSchema.shape) as BriefingChannel[];

/** What happened to one channel when the briefing was sent: written to the outbox, asked about first (pre-launch), or refused. */
export const briefingSendSchema = z
  .object({
    channel: z.string(),
    status: z.enum(['queued', 'already-queued', 'needs-approval', 'unknown-channel']),
    /** The approval a pre-launch send to an outside channel waits for. */
    approvalId: z.string().optional(),
  })
  .strict();
export type BriefingSend = z.infer<typeof briefingSendSchema>;
