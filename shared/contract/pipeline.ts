import { z } from 'zod';
import { dfyStages, leadStages } from '../pipeline-stages';
import { event, procedure } from './procedure';
import { byId, epochMs, howMany, noInput } from './common';

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `is longer than ${max} characters`);
const itemId = z.string().uuid('must be the id of a lead or DFY request (a UUID)');

export const moneySchema = z
  .object({
    /** Integer minor units (cents, pence). */
    amountMinor: z.number().int('must be a whole number of minor units (cents)').min(0, 'must not be negative').max(1e13, 'is too large'),
    /** ISO 4217, lower case as Stripe writes it (usd, gbp, eur). */
    currency: z.string().regex(/^[a-z]{3}$/, 'must be a three-letter ISO 4217 code in lower case (usd, gbp, eur)'),
  })
  .strict();

const utmSchema = z.object({
  source: z.string().nullable(),
  medium: z.string().nullable(),
  campaign: z.string().nullable(),
  term: z.string().nullable(),
  content: z.string().nullable(),
});

function itemSchema<S extends readonly [string, ...string[]]>(stages: S) {
  return z.object({
    id: z.string(),
    createdAt: epochMs,
    /** The site's updated_at as last pulled. */
    updatedAt: epochMs,
    email: z.string(),
    name: z.string().nullable(),
    company: z.string().nullable(),
    /** A lead's product slug; a DFY request's package slug. */
    product: z.string().nullable(),
    /** A lead's message; a DFY request's brief. */
    message: z.string().nullable(),
    stage: z.enum(stages),
    /** When the item entered each stage it has been in (the latest time, after a move back). */
    stageTimes: z.record(z.string(), epochMs),
    /** Why it was last moved back (a move back needs one). */
    stageReason: z.string().nullable(),
    notes: z.string().nullable(),
    value: moneySchema.nullable(),
    /** Where it came from: the site's source and the UTM fields. */
    source: z.string().nullable(),
    utm: utmSchema,
    stripeCustomerId: z.string().nullable(),
    stripePaymentId: z.string().nullable(),
    /** Founder changes not yet written back to the shared Postgres. */
    pendingChanges: z.number().int(),
  });
}

export const leadSchema = itemSchema(leadStages);
export type Lead = z.infer<typeof leadSchema>;
export const dfyRequestSchema = itemSchema(dfyStages).extend({
  budget: moneySchema.nullable(),
  dueDate: z.string().nullable(),
});
export type DfyRequest = z.infer<typeof dfyRequestSchema>;

export const pipelineChangeSchema = z.object({
  id: z.string(),
  at: epochMs,
  /** Each changed field with its value before and after. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  state: z.enum(['pending', 'applied', 'conflict']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** What the shared Postgres kept, once written (a conflict says why). */
  outcome: z.unknown().nullable(),
});
export type PipelineChange = z.infer<typeof pipelineChangeSchema>;

const stageStatsSchema = z.object({
  stage: z.string(),
  label: z.string(),
  /** Items in this stage now. */
  count: z.number().int(),
  /** Items that reached this stage or went past it on the main path. */
  reached: z.number().int(),
  /** reached(next main stage) ÷ reached(this one); null at the last stage or when none reached it. */
  conversionToNext: z.number().nullable(),
  /** Completed stays in this stage (entered, then left), in ms; null when there were none. */
  meanMs: z.number().nullable(),
  medianMs: z.number().nullable(),
  stays: z.number().int(),
});

export const pipelineStatsSchema = z.object({
  total: z.number().int(),
  stages: z.array(stageStatsSchema),
  /** Good end ÷ closed (won ÷ (won + lost); delivered ÷ (delivered + cancelled)); null when none closed. */
  closeRate: z.number().nullable(),
  /** Good end ÷ all items; null when there are none. */
  overallConversion: z.number().nullable(),
});
export type PipelineStats = z.infer<typeof pipelineStatsSchema>;

export const pipelineSyncResultSchema = z.object({
  pulled: z.object({ leads: z.number().int(), dfy: z.number().int() }),
  /** Founder changes written back this time, and those kept as conflicts. */
  written: z.number().int(),
  conflicts: z.number().int(),
  /** Changes still waiting (a failed write-back is tried again at the next sync). */
  pending: z.number().int(),
  at: epochMs,
});
export type PipelineSyncResult = z.infer<typeof pipelineSyncResultSchema>;

export const pipelineStatusSchema = z.object({
  /** Whether a shared Postgres is set up to pull from and write back to. */
  configured: z.boolean(),
  /** The last sync that succeeded. */
  lastSyncAt: epochMs.optional(),
  /** Why the last try failed (absent after a success). */
  lastError: z.string().optional(),
  /** Founder changes not yet written back. */
  pending: z.number().int(),
});
export type PipelineStatus = z.infer<typeof pipelineStatusSchema>;

const listInput = <S extends readonly [string, ...string[]]>(stages: S) =>
  z
    .object({
      /** Matches email, name, company, product or notes (case-insensitive). */
      query: text(200).optional(),
      stage: z.enum(stages, { error: () => `must be one of ${stages.join(', ')}` }).optional(),
      limit: howMany(500, 100),
      cursor: text(200).optional(),
    })
    .strict();

const moveInput = <S extends readonly [string, ...string[]]>(stages: S) =>
  z
    .object({
      id: itemId,
      stage: z.enum(stages, { error: () => `must be one of ${stages.join(', ')}` }),
      /** Required for a move back (or out of a closed stage): why. */
      note: text(2000).optional(),
    })
    .strict();

const commonUpdate = {
  id: itemId,
  /** The founder's notes (null clears them). */
  notes: z.string().max(20_000, 'is longer than 20000 characters').nullable().optional(),
  value: moneySchema.nullable().optional(),
};

export const pipelineProcedures = {
  'revenue.leads': procedure({
    summary: 'Sales leads from the local copy (works offline), newest first, by stage and text; page on with nextCursor.',
    input: listInput(leadStages),
    output: z.object({ leads: z.array(leadSchema), nextCursor: z.string().optional() }),
  }),
  'revenue.lead': procedure({
    summary: 'One sales lead with its change log (founder changes and their write-back state).',
    input: byId(itemId),
    output: leadSchema.extend({ changes: z.array(pipelineChangeSchema) }),
  }),
  'revenue.moveLead': procedure({
    summary: 'Move a lead to another stage (new → contacted → qualified → won | lost); a move back needs a note. Written back to the shared Postgres.',
    input: moveInput(leadStages),
    output: leadSchema,
  }),
  'revenue.updateLead': procedure({
    summary: 'Change a lead\u2019s notes or value; written back to the shared Postgres.',
    input: z.object(commonUpdate).strict(),
    output: leadSchema,
  }),
  'revenue.dfyRequests': procedure({
    summary: 'DFY requests from the local copy (works offline), newest first, by stage and text; page on with nextCursor.',
    input: listInput(dfyStages),
    output: z.object({ requests: z.array(dfyRequestSchema), nextCursor: z.string().optional() }),
  }),
  'revenue.dfyRequest': procedure({
    summary: 'One DFY request with its change log (founder changes and their write-back state).',
    input: byId(itemId),
    output: dfyRequestSchema.extend({ changes: z.array(pipelineChangeSchema) }),
  }),
  'revenue.moveDfy': procedure({
    summary: 'Move a DFY request to another stage (new → scoped → quoted → paid → in_progress → delivered | cancelled); a move back needs a note. Written back.',
    input: moveInput(dfyStages),
    output: dfyRequestSchema,
  }),
  'revenue.updateDfy': procedure({
    summary: 'Change a DFY request\u2019s notes, value or Stripe customer/payment; written back to the shared Postgres.',
    input: z
      .object({
        ...commonUpdate,
        stripeCustomerId: z.string().regex(/^cus_[A-Za-z0-9]+$/, 'must be a Stripe customer id (cus_…)').nullable().optional(),
        stripePaymentId: z.string().regex(/^(pi|ch|cs|in)_[A-Za-z0-9_]+$/, 'must be a Stripe payment id (pi_…, ch_…, cs_… or in_…)').nullable().optional(),
      })
      .strict(),
    output: dfyRequestSchema,
  }),
  'revenue.pipelineStats': procedure({
    summary: 'Per stage: how many items, how many reached it, conversion to the next stage and time in stage; close rate and overall conversion.',
    input: noInput,
    output: z.object({ leads: pipelineStatsSchema, dfy: pipelineStatsSchema }),
  }),
  'revenue.pipelineSync': procedure({
    summary: 'Write the founder\u2019s pending changes back to the shared Postgres, then pull new and changed leads and DFY requests.',
    input: noInput,
    output: pipelineSyncResultSchema,
  }),
  'revenue.pipelineStatus': procedure({
    summary: 'Whether the shared Postgres is set up, when leads and DFY requests were last pulled, the last sync error and how many changes wait to be written back.',
    input: noInput,
    output: pipelineStatusSchema,
  }),
};

export const pipelineEvents = {
  'lead.created': event({ summary: 'A new sales lead arrived from the site (seen by the pull).', payload: leadSchema }),
  'dfy.created': event({ summary: 'A new DFY request arrived from the site (seen by the pull).', payload: dfyRequestSchema }),
  'dfy.paid': event({ summary: 'A DFY request reached the paid stage and the shared Postgres keeps it (the founder\u2019s move written back, or pulled from the site); once per request.', payload: dfyRequestSchema }),
};
