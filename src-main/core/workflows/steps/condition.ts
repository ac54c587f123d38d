import { z } from 'zod';
import { defineStep } from '../step';
import { bareExpression } from '../expressions';

const params = z.object({ expression: z.string({ error: () => 'is required' }).min(1, 'is required') }).strict();

/** JSONata truthiness, close to JavaScript's: empty arrays and objects count as false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(truthy);
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

export const conditionStep = defineStep({
  type: 'condition',
  title: 'Condition',
  description: 'Evaluates a JSONata expression and continues on the `true` or the `false` port.',
  class: 'A',
  internal: true,
  params,
  ports: ['true', 'false'],
  expressionParams: ['expression'],
  ui: { expression: { label: 'Condition', widget: 'expression', placeholder: 'steps.fetch.output.status = 200' } },
  async execute(ctx) {
    const value = await ctx.evaluate(bareExpression(ctx.params.expression));
    const result = truthy(value);
    return { output: { result }, port: result ? 'true' : 'false' };
  },
});
