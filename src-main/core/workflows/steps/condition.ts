import { z } from 'zod';
import { defineStep, stepParams } from '../step';
import { bareExpression, isThenable } from '../expressions';

const params = stepParams({ expression: z.string({ error: () => 'is required' }).min(1, 'is required') });

/** JSONata truthiness, close to JavaScript's: empty arrays and objects count as false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(truthy);
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function toBranch(value: unknown) {
  const result = truthy(value);
  return { output: { result }, port: result ? ('true' as const) : ('false' as const) };
}

export const conditionStep = defineStep({
  type: 'condition',
  title: 'Condition',
  description: 'Evaluates a JSONata expression and continues on the `true` or the `false` port.',
  internal: true,
  params,
  ports: ['true', 'false'],
  expressionParams: ['expression'],
  ui: { expression: { label: 'Condition', widget: 'expression', placeholder: 'steps.fetch.output.status = 200' } },
  execute(ctx) {
    const value = ctx.evaluate(bareExpression(ctx.params.expression));
    return isThenable(value) ? Promise.resolve(value).then(toBranch) : toBranch(value);
  },
});
