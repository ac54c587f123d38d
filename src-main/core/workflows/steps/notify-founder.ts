import { z } from 'zod';
import { defineStep, stepParams } from '../step';

const params = stepParams({
  title: z.string({ error: () => 'is required' }).min(1, 'is required').max(200),
  body: z.string().max(10_000).default(''),
  level: z.enum(['info', 'success', 'warning', 'error'], { error: () => 'must be info, success, warning or error' }).default('info'),
});

export const notifyFounderStep = defineStep({
  type: 'notify.founder',
  title: 'Notify founder',
  description: 'Tells the founder something: recorded in the run log and sent as a founder.notified event to the app\u2019s channels.',
  internal: true,
  // what it is given reaches the founder's channels (Telegram, email…): an ai.generate answer used here is sent out
  sendsOut: true,
  params,
  ui: {
    title: { label: 'Title', placeholder: 'New order {{ trigger.body.id }}' },
    body: { label: 'Message', widget: 'textarea' },
    level: { label: 'Level' },
  },
  execute(ctx) {
    const id = ctx.services.notifyFounder({ title: ctx.params.title, body: ctx.params.body, level: ctx.params.level });
    return { output: { notificationId: id } };
  },
});
