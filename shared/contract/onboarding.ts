import { z } from 'zod';
import { procedure } from './procedure';
import { noInput } from './common';
import { hasAtMostTwoDecimals } from '../product';

/** What the founder sells: digital products, done-for-you services, or both. */
export const onboardingSells = ['digital', 'services', 'both'] as const;
/** Where the founder wants to hear about the site: this computer's notifications or one of the alert channels. */
export const onboardingAlertChannels = ['os', 'telegram', 'slack', 'email'] as const;
/** The three drafts the guide proposes, each confirmed (or skipped) on its own. */
export const onboardingItems = ['monitor', 'product', 'workflow'] as const;
export type OnboardingItem = (typeof onboardingItems)[number];

const siteUrl = z
  .string({ error: (i) => (i.input === undefined ? 'is required: the address of your site, such as https://example.com' : 'must be text') })
  .trim()
  .max(2048, 'is longer than 2048 characters')
  .refine((text) => {
    try {
      const u = new URL(text);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be the address of your site starting with https:// or http://, such as https://example.com');

/** The guide's questions: what the drafts are made from, as the form asks them or the model reads them from a sentence. */
export const onboardingAnswersSchema = z
  .object({
    sells: z.enum(onboardingSells, { error: () => 'must be digital (digital products), services (done-for-you services) or both' }),
    siteUrl,
    productName: z
      .string({ error: (i) => (i.input === undefined ? 'is required: the name of your first product' : 'must be text') })
      .trim()
      .min(1, 'must not be empty')
      .max(120, 'must be at most 120 characters'),
    price: z
      .number({ error: (i) => (i.input === undefined ? 'is required: what the product costs, such as 47' : 'must be a number, such as 47 or 19.99') })
      .positive('must be greater than 0')
      .max(1_000_000, 'must be at most 1000000')
      .refine(hasAtMostTwoDecimals, 'must have at most two decimals'),
    currency: z
      .string({ error: () => 'must be text' })
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code, such as USD, GBP or EUR')
      .transform((c) => c.toUpperCase())
      .default('USD'),
    alerts: z.enum(onboardingAlertChannels, { error: () => 'must be os (this computer), telegram, slack or email' }),
  })
  .strict();
export type OnboardingAnswers = z.output<typeof onboardingAnswersSchema>;
export type OnboardingAnswersInput = z.input<typeof onboardingAnswersSchema>;

/** One proposed draft: what it is in words, and the document its own service will check and create. */
export const onboardingDraftSchema = z.object({
  item: z.enum(onboardingItems),
  title: z.string(),
  /** What confirming it does, in a sentence. */
  explanation: z.string(),
  draft: z.record(z.string(), z.unknown()),
});
export type OnboardingDraft = z.infer<typeof onboardingDraftSchema>;

export const onboardingStatusSchema = z.object({
  /** Open the guide by itself: not finished or dismissed, and no monitor, product or workflow yet. */
  shown: z.boolean(),
  /** onboarding.done: finished or dismissed. */
  done: z.boolean(),
  /** Whether a monitor, a product and a workflow exist (made by the guide or not). */
  items: z.object({ monitor: z.boolean(), product: z.boolean(), workflow: z.boolean() }),
  /** Whether the free-text answer can be read by the model; when not, why, in one line (the form always works). */
  ai: z.object({ available: z.boolean(), reason: z.string().nullable() }),
});
export type OnboardingStatus = z.infer<typeof onboardingStatusSchema>;

export const onboardingProposalSchema = z.object({
  /** The answers the drafts were made from (read from the text, when text was given). */
  answers: onboardingAnswersSchema.partial(),
  /** Questions the text left unanswered or answered wrongly, each `field: rule`; the drafts wait for them. */
  missing: z.array(z.string()),
  /** The monitor, product and workflow drafts, each already checked by its service; empty while something is missing. */
  drafts: z.array(onboardingDraftSchema),
});
export type OnboardingProposal = z.infer<typeof onboardingProposalSchema>;

export const onboardingProcedures = {
  'onboarding.status': procedure({
    summary: 'The getting-started guide: whether it opens by itself, whether it was finished, which of a monitor, a product and a workflow exist, and whether the model can read a free-text answer.',
    input: noInput,
    output: onboardingStatusSchema,
  }),
  'onboarding.propose': procedure({
    summary: 'The guide’s three drafts (a Guardian monitor for the site, a product draft, a daily site-check workflow) from the answers, or from a sentence the model reads (feature onboarding); nothing is saved.',
    input: z
      .object({
        answers: onboardingAnswersSchema.optional(),
        text: z.string({ error: () => 'must be text' }).trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').optional(),
      })
      .strict()
      .refine((v) => (v.answers === undefined) !== (v.text === undefined), { message: 'give either answers (the form) or text (a sentence), not both and not neither', path: ['answers'] }),
    output: onboardingProposalSchema,
  }),
  'onboarding.confirm': procedure({
    summary: 'Creates one of the guide’s drafts (monitor, product or workflow) after checking it with its own service; nothing else is created.',
    input: z
      .object({
        item: z.enum(onboardingItems, { error: () => 'must be monitor, product or workflow' }),
        draft: z.record(z.string(), z.unknown(), { error: () => 'must be the draft object onboarding.propose gave' }),
      })
      .strict(),
    output: z.object({ item: z.enum(onboardingItems), id: z.string(), name: z.string() }),
  }),
  'onboarding.dismiss': procedure({
    summary: 'Marks the getting-started guide finished (setting onboarding.done): it no longer opens by itself.',
    input: noInput,
    output: onboardingStatusSchema,
  }),
};
