import { z } from 'zod';
import type { ContentKind, ContentSet } from '../../../../shared/contract/content';
import type { ContentPort } from '../../content-port';
import { CoreError } from '../../errors';
import type { MessageChannel } from '../../message-port';
import { defineStep, nonRetriable, stepParams, StepError, type StepContext } from '../step';
import { messagePort } from './message-step';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const setIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const setRule = 'must be a set id from the history, or the output of a content.generate step ({{ steps.gen.output }})';

const params = stepParams({
  // a content.generate output in a dry run is { dryRun, preview }: accepted so the dry run reaches the end, refused when run for real
  set: z.union([z.string().regex(setIdPattern, setRule), z.object({ setId: z.string().regex(setIdPattern, setRule) }).passthrough(), z.object({ dryRun: z.literal(true) }).passthrough()], { error: () => setRule }),
  channels: z
    .array(z.enum(['telegram', 'slack', 'email'], { error: () => 'must be telegram, slack or email' }))
    .max(3)
    .refine((c) => new Set(c).size === c.length, 'must name each channel once')
    .default([]),
  emailTo: z.array(z.string().max(254, 'must be at most 254 characters').regex(emailPattern, 'must be an email address like ada@example.com')).max(100, 'must have at most 100 addresses').default([]),
});
type Params = z.output<typeof params>;

/** One message as it goes out: a post to one channel, to one address for the email list. */
interface Send {
  channel: MessageChannel;
  kind: ContentKind;
  title: string;
  body: string;
  to?: string;
}

function contentOf(ctx: StepContext<Params>): ContentPort {
  return ctx.services.content ?? (() => { throw nonRetriable('CONTENT_UNAVAILABLE', 'The content engine is not available in this process'); })();
}

/** The saved set the params name, or undefined for a dry-run step's output (nothing was written). */
function setOf(ctx: StepContext<Params>): ContentSet | undefined {
  const given = ctx.params.set;
  const id = typeof given === 'string' ? given : typeof given.setId === 'string' ? given.setId : undefined;
  if (id === undefined) return undefined;
  try {
    return contentOf(ctx).set(id, 'params.set');
  } catch (err) {
    throw err instanceof CoreError ? nonRetriable(err.code, err.message) : err;
  }
}

/** Every message the set goes out as: one per chat or channel, one per address of the email list (the founder's own address when the list is empty). */
function sendsOf(ctx: StepContext<Params>, set: ContentSet): { sends: Send[]; rest: ContentKind[] } {
  const { posts, rest } = contentOf(ctx).publishing(set, ctx.params.channels);
  const sends = posts.flatMap((p): Send[] => (p.channel === 'email' && ctx.params.emailTo.length > 0 ? ctx.params.emailTo.map((to) => ({ ...p, to })) : [p]));
  return { sends, rest };
}

/** Why each channel cannot send now; empty when all can. */
function notReady(ctx: StepContext<Params>, sends: readonly Send[]): string[] {
  const port = messagePort(ctx, 'Content publishing');
  return sends.flatMap((s) => {
    const ready = port.configured(s.channel, s.to);
    return ready === true ? [] : [`${s.channel}: ${ready}`];
  });
}

/**
 * Publishes a generated set: the X thread to the founder's Telegram channel and Slack, the email
 * to the email list (through the alerts' own channels and senders), and every asset no chosen
 * channel posts as a ready-to-post file in the product's content folder. Class B: it posts
 * outside the app. Every channel is checked before anything is sent, and once one post has gone
 * out a failure is not retried, so nothing is posted twice.
 */
export const contentPublishStep = defineStep({
  type: 'content.publish',
  title: 'Publish content',
  description: 'Publishes a generated content set: the X thread to Telegram and Slack, the email to an email list (Resend or your SMTP server), and the rest (video script, LinkedIn post, Instagram carousel, mini-article…) as ready-to-post files in the product’s content folder. Outputs { setId, product, sent, folder, files }.',
  class: 'B',
  classNote: 'posts to your channels and email list, outside the app',
  params,
  ui: {
    set: { label: 'Content set', placeholder: '{{ steps.gen.output }}', help: 'A set id from Content → history, or the output of a content.generate step.' },
    channels: { label: 'Channels', help: 'telegram and slack post the X thread; email sends the email. Everything else is written as files.' },
    emailTo: { label: 'Email list', help: 'Addresses the email goes to; empty: your own address (notify.email.to).' },
  },
  preview: (ctx) => {
    const set = setOf(ctx);
    if (!set) return { set: 'the set the content.generate step writes (none in a dry run)', channels: ctx.params.channels, emailTo: ctx.params.emailTo };
    const { sends, rest } = sendsOf(ctx, set);
    return { setId: set.id, product: set.seed.product, posts: sends, files: rest, notReady: notReady(ctx, sends) };
  },
  async execute(ctx) {
    const set = setOf(ctx);
    if (!set) throw nonRetriable('BAD_PARAMS', 'params.set: is the output of a dry-run content.generate step: no set was written to publish');
    const { sends, rest } = sendsOf(ctx, set);
    const missing = notReady(ctx, sends);
    if (missing.length > 0) throw nonRetriable('NOT_CONFIGURED', `Content publishing: ${missing.join('; ')}`);
    const written = contentOf(ctx).writeFiles(set, rest);
    const port = messagePort(ctx, 'Content publishing');
    const sent: Array<{ channel: MessageChannel; kind: ContentKind; to?: string; answer: string | null }> = [];
    for (const s of sends) {
      const result = await port.send(s.channel, { title: s.title, body: s.body, ...(s.to ? { to: s.to } : {}) }, `${ctx.idempotencyKey}:${s.channel}${s.to ? `:${s.to}` : ''}`);
      if (result.status !== 'sent') {
        const why = result.status === 'skipped' ? result.reason : result.error;
        const already = sent.length > 0 ? ` (already posted to ${sent.map((p) => p.to ?? p.channel).join(', ')}; not retried, so nothing is posted twice)` : '';
        throw new StepError(result.status === 'skipped' ? 'NOT_CONFIGURED' : 'SEND_FAILED', `${s.channel}: ${why}${already}`, { retriable: result.status === 'failed' && result.retryable && sent.length === 0 });
      }
      sent.push({ channel: s.channel, kind: s.kind, ...(s.to ? { to: s.to } : {}), answer: result.answer ?? null });
    }
    return { output: { setId: set.id, product: set.seed.product, sent, ...written } };
  },
});
