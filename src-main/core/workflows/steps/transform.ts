import { z } from 'zod';
import { defineStep, stepParams } from '../step';
import { bareExpression, isThenable } from '../expressions';

const toOutput = (value: unknown) => ({ output: value ?? null });

const params = stepParams({ expression: z.string({ error: () => 'is required' }).min(1, 'is required') });

export const transformStep = defineStep({
  type: 'transform',
  title: 'Transform',
  description: 'Evaluates a JSONata expression over the run (steps, trigger, input) and outputs the result.',
  internal: true,
  params,
  expressionParams: ['expression'],
  ui: { expression: { label: 'Expression', widget: 'expression', placeholder: "{ 'id': steps.fetch.output.body.id }" } },
  execute(ctx) {
    const value = ctx.evaluate(bareExpression(ctx.params.expression));
    return isThenable(value) ? Promise.resolve(value).then(toOutput) : toOutput(value);
  },
});
