import { z } from 'zod';
import { defineStep } from '../step';

const params = z
  .object({
    title: z.string({ error: () => 'is required' }).min(1, 'is required').max(200),
    body: z.string().max(10_000).default(''),
    level: z.enum(['info', 'success', 'warning', 'error'], { error: () => 'must be info, success, warning or error' }).default('info'),
  })
  .strict();

export const notifyFounderStep = defineStep({
  type: 'notify.founder',
  title: 'Notify founder',
  description: 'Tells the founder something: recorded in the run log and sent as a founder.notified event to the app\u2019s channels.',
  class: 'A',
  internal: true,
  params,
  ports: ['out'],
  ui: {
    title: { label: 'Title', widget: 'text', placeholder: 'New order {{ trigger.body.id }}' },
    body: { label: 'Message', widget: 'textarea' },
    level: { label: 'Level', widget: 'select' },
  },
  execute(ctx) {
    const id = ctx.services.notifyFounder({ title: ctx.params.title, body: ctx.params.body, level: ctx.params.level });
    return { output: { notificationId: id } };
  },
});
