import { z } from 'zod';
import type { MessageChannel, MessagePort, OutgoingMessage } from '../../message-port';
import { StepError, defineStep, nonRetriable, stepParams, type StepContext } from '../step';

const params = stepParams({
  title: z.string({ error: () => 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
  body: z.string().max(10_000, 'must be at most 10000 characters').default(''),
});
export function messagePort<P>(ctx: StepContext<P>, label: string): MessagePort {
  return ctx.services.messages ?? (() => {
    throw nonRetriable('NOTIFY_UNAVAILABLE', `${label} is not available in this process`);
  })();
}

/** Sends through the port and turns what the channel answered into the step's output or error. */
export async function sendMessage<P>(ctx: StepContext<P>, channel: MessageChannel, label: string, message: OutgoingMessage): Promise<{ output: { channel: MessageChannel; answer: string | null } }> {
  const result = await messagePort(ctx, label).send(channel, message, ctx.idempotencyKey);
  if (result.status === 'skipped') throw nonRetriable('NOT_CONFIGURED', `${label}: ${result.reason}`);
  if (result.status === 'failed') throw new StepError('SEND_FAILED', `${label}: ${result.error}`, { retriable: result.retryable });
  return { output: { channel, answer: result.answer ?? null } };
}

/**
 * A Class B step that sends a message through one of the notify layer's channels (the same
 * rendering, secrets and provider answers as an alert): to the founder's own chat or channel,
 * never to a customer. A channel that is not set up fails at once saying what is missing.
 */
export function messageStep(channel: MessageChannel, label: string, where: string) {
  return defineStep({
    type: `${channel}.send`,
    title: `${label} message`,
    description: `Sends a message (title and text) to ${where}, through the same channel as your alerts. Outputs { channel, answer }.`,
    class: 'B',
    classNote: `posts to ${where}, outside the app`,
    params,
    ui: {
      title: { label: 'Title' },
      body: { label: 'Text', widget: 'textarea' },
    },
    preview: (ctx) => ({ channel, title: ctx.params.title, body: ctx.params.body, configured: messagePort(ctx, label).configured(channel) }),
    execute: (ctx) => sendMessage(ctx, channel, label, { title: ctx.params.title, body: ctx.params.body }),
  });
}
