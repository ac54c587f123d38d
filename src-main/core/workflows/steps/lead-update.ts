import { z } from 'zod';
import { dfyStages, leadStages } from '../../../../shared/pipeline-stages';
import { nonRetriable, defineStep, stepParams } from '../step';

const stages = [...new Set<string>([...leadStages, ...dfyStages])] as [string, ...string[]];

const params = stepParams({
  /** lead (sales_leads) or dfy (dfy_requests). */
  kind: z.enum(['lead', 'dfy'], { error: () => 'must be lead or dfy' }).default('lead'),
  id: z.string({ error: () => 'is required: the lead\u2019s id (e.g. {{ trigger.payload.id }})' }).uuid('must be the id of a lead or DFY request (a UUID)'),
  stage: z.enum(stages, { error: () => `must be one of ${stages.join(', ')}` }).optional(),
  /** Why: required for a move back. */
  note: z.string().min(1).max(2000).optional(),
  /** Replaces the founder's notes. */
  notes: z.string().max(20_000).optional(),
});

/**
 * Moves a lead or DFY request to a stage and/or writes its notes, as the founder would in the
 * app: the same stage rules, a row in its change log, written back to the shared Postgres.
 */
export const leadUpdateStep = defineStep({
  type: 'lead.update',
  title: 'Update lead',
  description: 'Moves a lead (or DFY request) to a stage and/or sets its notes; the same rules as a move by hand, written back to the shared Postgres. Outputs the item.',
  class: 'A',
  classNote: 'changes only the founder\u2019s own pipeline record (stage, notes), kept in its change log; nothing reaches a customer and no money moves',
  params,
  ui: {
    kind: { label: 'Lead or DFY request' },
    id: { label: 'Id', placeholder: '{{ trigger.payload.id }}' },
    stage: { label: 'Move to stage' },
    note: { label: 'Why (needed for a move back)' },
    notes: { label: 'Notes', widget: 'textarea' },
  },
  execute(ctx) {
    const pipeline = ctx.services.pipeline;
    if (!pipeline) throw nonRetriable('PIPELINE_UNAVAILABLE', 'the sales pipeline is not available in this process');
    const { kind, id, stage, note, notes } = ctx.params;
    try {
      return { output: pipeline.update(kind, id, { ...(stage ? { stage } : {}), ...(note ? { note } : {}), ...(notes !== undefined ? { notes } : {}) }) };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // a bad move or an unknown id stays bad on every retry
      if (code === 'BAD_INPUT' || code === 'NOT_FOUND') throw nonRetriable(String(code), err instanceof Error ? err.message : String(err));
      throw err;
    }
  },
});
