import { z } from 'zod';
import type { MessageChannel } from '../../message-port';
import { StepError, defineStep, nonRetriable, stepParams, type StepContext } from '../step';

const params = stepParams({
  title: z.string({ error: () => 'is required' }).min(1, 'is required').max(200, 'must be at most 200 characters'),
  body: z.string().max(10_000, 'must be at most 10000 characters').default(''),
});
type MessageParams = z.infer<typeof params>;

function port(ctx: StepContext<MessageParams>, label: string) {
  return ctx.services.messages ?? (() => {
    throw nonRetriable('NOTIFY_UNAVAILABLE', `${label} is not available in this process`);
  })();
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
    preview: (ctx) => ({ channel, title: ctx.params.title, body: ctx.params.body, configured: port(ctx, label).configured(channel) }),
    async execute(ctx) {
      const result = await port(ctx, label).send(channel, { title: ctx.params.title, body: ctx.params.body }, ctx.idempotencyKey);
      if (result.status === 'skipped') throw nonRetriable('NOT_CONFIGURED', `${label}: ${result.reason}`);
      if (result.status === 'failed') throw new StepError('SEND_FAILED', `${label}: ${result.error}`, { retriable: result.retryable });
      return { output: { channel, answer: result.answer ?? null } };
    },
  });
}
