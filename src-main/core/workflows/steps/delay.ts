import { z } from 'zod';
import { durationSchema, parseDuration } from '../../../../shared/workflow';
import { defineStep, stepParams, nonRetriable } from '../step';

const maxDelayMs = 366 * 86_400_000;

const params = stepParams({
  /** How long to wait: "10m", "2h", "3d". */
  duration: durationSchema.optional(),
  /** Or until a moment: an ISO date-time (with offset) or epoch milliseconds. */
  until: z.union([z.string().min(1), z.number().int()]).optional(),
})
  .refine((p) => (p.duration === undefined) !== (p.until === undefined), { message: 'give either duration or until', path: ['duration'] });

export const delayStep = defineStep({
  type: 'delay',
  title: 'Delay',
  description: 'Waits for a duration or until a time. The wait is stored, so it survives restarts.',
  class: 'A',
  params,
  ui: {
    duration: { label: 'Wait for', widget: 'duration', placeholder: '10m' },
    until: { label: 'Or until', widget: 'text', placeholder: '2026-05-01T09:00:00+01:00' },
  },
  execute(ctx) {
    const state = ctx.state as { until?: number } | undefined;
    let until = state?.until;
    if (until === undefined) {
      if (ctx.params.duration !== undefined) until = ctx.now() + (parseDuration(ctx.params.duration) as number);
      else {
        const raw = ctx.params.until as string | number;
        until = typeof raw === 'number' ? raw : Date.parse(raw);
        if (!Number.isFinite(until)) throw nonRetriable('BAD_PARAMS', `until "${String(raw)}" is not a date-time`);
      }
      if (until - ctx.now() > maxDelayMs) throw nonRetriable('BAD_PARAMS', 'a delay may last at most 366 days');
    }
    if (ctx.now() >= until) return { output: { waitedUntil: new Date(until).toISOString() } };
    return { wait: { until, state: { until }, reason: 'delay' } };
  },
});
