import { z } from 'zod';
import { contentEngines } from '../../../../shared/contract/content';
import { CoreError } from '../../errors';
import { defineStep, nonRetriable, stepParams, StepError } from '../step';
import { writesTextToSend } from './ai-generate';

const params = stepParams({
  seed: z.string({ error: () => 'is required' }).min(1, 'is required').max(500, 'must be at most 500 characters'),
  product: z.string({ error: () => 'is required' }).min(1, 'is required'),
  audience: z.string().optional(),
  tone: z.string().optional(),
  language: z.string().optional(),
  engine: z.enum(contentEngines, { error: () => 'must be templates or ai' }).default('templates'),
});

/**
 * The content engine's bad input and a model that is missing stay so on a retry; only a model
 * that does not answer (ai.baseUrl) may answer later. A cancel or a timeout is the runner's to report.
 */
function failed(err: unknown, signal: AbortSignal): never {
  if (signal.aborted || !(err instanceof CoreError)) throw err;
  if (err.code === 'BAD_INPUT') throw nonRetriable('BAD_INPUT', err.message);
  throw new StepError('CONTENT_UNAVAILABLE', err.message, { retriable: err.field === 'ai.baseUrl', cause: err });
}

/**
 * Writes the six content assets from an idea seed and saves the set in the product's history
 * (nothing leaves the app: Class A). Its text goes out only through a later step that sends,
 * which then asks first like any model-written text (`classWhenSent`).
 */
export const contentGenerateStep = defineStep({
  type: 'content.generate',
  title: 'Generate content',
  params,
  ...writesTextToSend,
  description: 'An idea seed (one sentence) about a product → the six assets (video script, X thread, LinkedIn post, email, Instagram carousel, mini-article), each linking to the product with UTM tags; output { setId, assets }.',
  ui: {
    seed: { label: 'Idea seed', widget: 'textarea', placeholder: 'Stop answering the same support email by hand' },
    product: { label: 'Product slug', placeholder: 'automation-accelerator-pack' },
    audience: { label: 'Audience', placeholder: 'solo founders' },
    tone: { label: 'Tone', placeholder: 'plain, friendly' },
    language: { label: 'Language', placeholder: 'English' },
    engine: { label: 'Engine', help: 'templates: offline, from the template files; ai: the AI model (feature content).' },
  },
  async execute(ctx) {
    const content = ctx.services.content ?? (() => { throw nonRetriable('CONTENT_UNAVAILABLE', 'The content engine is not available in this process'); })();
    const { engine, ...seed } = ctx.params;
    try {
      const set = await content.generate(seed, engine, ctx.signal);
      return { output: { setId: set.id, assets: set.assets } };
    } catch (err) {
      return failed(err, ctx.signal);
    }
  },
});
