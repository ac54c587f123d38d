import { z } from 'zod';
import { defineStep, stepParams } from '../step';
import { messagePort, sendMessage } from './message-step';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const params = stepParams({
  to: z.string({ error: () => 'is required: the address to send to' }).max(254, 'must be at most 254 characters').regex(emailPattern, 'must be an email address like ada@example.com'),
  subject: z.string({ error: () => 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
  body: z.string().max(50_000, 'must be at most 50000 characters').default(''),
});

/**
 * An email to one address through the notify layer's email channel (Resend, or the founder's
 * own mail server when notify.smtp.url is set), from notify.email.from. Class B: it reaches
 * someone outside the app, so before launch it waits for approval.
 */
export const emailSendStep = defineStep({
  type: 'email.send',
  title: 'Send email',
  description: 'Sends an email (subject and text) to an address through the same email channel as your alerts (Resend or your SMTP server). Outputs { channel, answer }.',
  class: 'B',
  classNote: 'sends an email to someone outside the app',
  params,
  ui: { to: { label: 'To', placeholder: '{{ trigger.payload.email }}' }, subject: { label: 'Subject' }, body: { label: 'Text', widget: 'textarea' } },
  preview: (ctx) => ({ channel: 'email', to: ctx.params.to, subject: ctx.params.subject, body: ctx.params.body, configured: messagePort(ctx, 'Email').configured('email', ctx.params.to) }),
  execute: (ctx) => sendMessage(ctx, 'email', 'Email', { title: ctx.params.subject, body: ctx.params.body, to: ctx.params.to }),
});
