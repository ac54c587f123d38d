import { z } from 'zod';
import { epochMs, noInput } from './common';
import { event, procedure } from './procedure';

export const stripeModes = ['test', 'live'] as const;
/** The lists a sync pages through, in order; each one's progress and cursor go by this name. */
export const stripeSyncKinds = ['products', 'prices', 'coupons', 'customers', 'subscriptions', 'invoices', 'charges', 'refunds', 'balance_transactions', 'payment_links', 'checkout_sessions', 'events'] as const;
export type StripeSyncKind = (typeof stripeSyncKinds)[number];

export const stripeSyncProgressSchema = z
  .object({
    kind: z.enum(stripeSyncKinds),
    /** Objects of that kind stored (or events applied) so far in this pass. */
    count: z.number().int(),
    full: z.boolean(),
  })
  .strict();
export type StripeSyncProgress = z.infer<typeof stripeSyncProgressSchema>;

export const stripeSyncStatusSchema = z
  .object({
    /** Whether a secret key is stored. */
    configured: z.boolean(),
    /** The stored key's mode (from its prefix), for the test-mode badge; null without a key. */
    mode: z.enum(stripeModes).nullable(),
    /** The setting stripe.mode: the only mode whose key is used. */
    modeSet: z.enum(stripeModes),
    running: z.boolean(),
    progress: stripeSyncProgressSchema.nullable(),
    lastSuccessAt: epochMs.nullable(),
    lastAttemptAt: epochMs.nullable(),
    lastError: z.string().nullable(),
    /** Whether the last finished pass paged through everything, and why. */
    lastPassFull: z.boolean().nullable(),
    lastPassReason: z.string().nullable(),
    /** Objects stored and events applied by the last finished pass, by kind. */
    lastPassCounts: z.record(z.string(), z.number().int()),
    /** The newest Stripe event applied (epoch ms of its `created`). */
    eventsThrough: epochMs.nullable(),
  })
  .strict();
export type StripeSyncStatus = z.infer<typeof stripeSyncStatusSchema>;

export const stripeWebhookAnswerSchema = z.object({ received: z.literal(true), eventId: z.string(), applied: z.boolean(), duplicate: z.boolean() }).strict();
export type StripeWebhookAnswer = z.infer<typeof stripeWebhookAnswerSchema>;

export const revenueSyncProcedures = {
  'revenue.sync': procedure({
    summary: 'Fetch what changed in Stripe into the local tables: everything on the first sync (or with full), otherwise the events since the last one seen. Waits for the pass to end.',
    input: z.object({ full: z.boolean().optional() }).strict(),
    output: stripeSyncStatusSchema,
  }),
  'revenue.syncStatus': procedure({
    summary: 'Where the Stripe sync stands: mode, running and its progress, the last success, the last error, whether the last pass was full and why.',
    input: noInput,
    output: stripeSyncStatusSchema,
  }),
  'revenue.stripeWebhook': procedure({
    summary: 'Apply one Stripe webhook delivery: its Stripe-Signature checked on the raw body with stripe.webhookSecret (300 s tolerance), then the event applied once by id. POST /webhooks/stripe calls this.',
    input: z.object({ payload: z.string().max(1024 * 1024, 'is larger than 1 MB'), signature: z.string().max(4096, 'is too long') }).strict(),
    output: stripeWebhookAnswerSchema,
    transports: ['http'],
  }),
};

export const stripeChurnSchema = z.object({ subscriptionId: z.string(), customerId: z.string().nullable(), at: epochMs, livemode: z.boolean() }).strict();
export const stripePaymentFailedSchema = z
  .object({ invoiceId: z.string().nullable(), chargeId: z.string().nullable(), customerId: z.string().nullable(), amount: z.number().int(), currency: z.string(), at: epochMs, livemode: z.boolean() })
  .strict();

/**
 * A Stripe event the sync or a webhook recorded for the first time, kept small for the event stream:
 * never the whole object (a `stripe.event` trigger's payload adds it as `object`).
 */
export const stripeEventSchema = z
  .object({
    eventId: z.string(),
    /** Stripe's event type: `invoice.paid`, `customer.subscription.updated`, … */
    type: z.string(),
    created: epochMs,
    livemode: z.boolean(),
    via: z.enum(['sync', 'webhook']),
    /** Whether its object changed what is stored (false when a newer state was already there). */
    applied: z.boolean(),
    objectId: z.string().nullable(),
    objectType: z.string().nullable(),
    /** The object's `amount`, `total` (invoices) or `amount_total` (checkout sessions), in minor units; null when it has none. */
    amount: z.number().nullable(),
    currency: z.string().nullable(),
    status: z.string().nullable(),
    /** The customer id the object names (null on objects without one, a customer itself included). */
    customer: z.string().nullable(),
  })
  .strict();

export const revenueSyncEvents = {
  'revenue.syncProgress': event({ summary: 'A Stripe sync pass stored another page: the list and how many of it so far.', payload: stripeSyncProgressSchema }),
  'revenue.syncFinished': event({ summary: 'A Stripe sync pass ended, well or not (its status).', payload: stripeSyncStatusSchema }),
  'subscription.churned': event({ summary: 'A Stripe subscription was canceled (seen by the sync or a webhook).', payload: stripeChurnSchema }),
  'stripe.event': event({ summary: 'A Stripe event was applied for the first time by the sync or a webhook (each event id once): its type, which object, its amount, currency, status and customer, and how it arrived (a workflow it triggers also gets the whole object).', payload: stripeEventSchema }),
  'payment.failed': event({ summary: 'A Stripe payment failed, once per failure (sync or webhook): the failed charge, with its invoice when the charge names it; an invoice that failed without any charge (older API versions).', payload: stripePaymentFailedSchema }),
};
