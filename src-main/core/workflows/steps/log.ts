import { z } from 'zod';
import { defineStep } from '../step';

const params = z
  .object({
    message: z.string({ error: () => 'is required' }).max(10_000),
    level: z.enum(['debug', 'info', 'warn', 'error'], { error: () => 'must be debug, info, warn or error' }).default('info'),
    data: z.unknown().optional(),
  })
  .strict();

export const logStep = defineStep({
  type: 'log',
  title: 'Log',
  description: 'Writes a line (and optional data) to the run\u2019s log.',
  class: 'A',
  internal: true,
  params,
  ports: ['out'],
  ui: {
    message: { label: 'Message', widget: 'text', placeholder: 'Fetched {{ $count(steps.fetch.output.body) }} orders' },
    level: { label: 'Level', widget: 'select' },
    data: { label: 'Data', widget: 'json' },
  },
  execute(ctx) {
    ctx.log(ctx.params.level, ctx.params.message, ctx.params.data);
    return { output: { message: ctx.params.message } };
  },
});
