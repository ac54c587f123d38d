import { z } from 'zod';
import { defineStep, stepParams } from '../step';

const params = stepParams({ message: z.string({ error: () => 'is required' }).min(1, 'is required').max(2000) });

/**
 * A human gate. It is Class C, so the runner always asks for an approval before it runs
 * (docs/architecture.md); once approved it just passes the decision on.
 */
export const approvalStep = defineStep({
  type: 'approval',
  title: 'Approval',
  description: 'Stops the run until the founder approves; a rejection (or a timeout) stops this branch.',
  class: 'C',
  params,
  ui: { message: { label: 'Message to the founder', widget: 'textarea', placeholder: 'Send the refund of {{ trigger.amount }}?' } },
  preview: ({ params: p }) => ({ message: p.message }),
  execute: ({ params: p }) => ({ output: { approved: true, message: p.message } }),
});
