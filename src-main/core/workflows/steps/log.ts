import { z } from 'zod';
import { defineStep, stepParams } from '../step';

const params = stepParams({
  message: z.string({ error: () => 'is required' }).max(10_000),
  level: z.enum(['debug', 'info', 'warn', 'error'], { error: () => 'must be debug, info, warn or error' }).default('info'),
  data: z.unknown().optional(),
});

export const logStep = defineStep({
  type: 'log',
  title: 'Log',
  description: 'Writes a line (and optional data) to the run\u2019s log.',
  internal: true,
  params,
  ui: {
    message: { label: 'Message', placeholder: 'Fetched {{ $count(steps.fetch.output.body) }} orders' },
    level: { label: 'Level' },
    data: { label: 'Data' },
  },
  execute(ctx) {
    ctx.log(ctx.params.level, ctx.params.message, ctx.params.data);
    return { output: { message: ctx.params.message } };
  },
});
