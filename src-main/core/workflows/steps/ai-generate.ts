import { z } from 'zod';
import type { AiGeneratePort } from '../../ai-generate-port';
import { CoreError } from '../../errors';
import { defineStep, nonRetriable, stepParams, StepError } from '../step';

/** A JSON Schema the answer must fit; refused at validation when zod cannot read it. */
const answerSchema = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  try {
    z.fromJSONSchema(schema);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `is not a JSON Schema this step can check answers against: ${err instanceof Error ? err.message : String(err)}` });
  }
});

const params = stepParams({
  prompt: z.string({ error: () => 'is required' }).min(1, 'is required').max(20_000, 'must be at most 20000 characters'),
  schema: answerSchema.optional(),
});

function unavailable(): never {
  throw nonRetriable('AI_UNAVAILABLE', 'The AI model is not available in this process');
}

/**
 * The model layer has retried what a retry can mend (429, 5xx, a dropped connection) before
 * it fails; what is left (no key, feature off, budget used up, a wrong answer twice) stays so
 * on the step's own retries. A cancel or a step timeout is the runner's to report.
 */
function settled(err: unknown, signal: AbortSignal): never {
  if (signal.aborted) throw err;
  if (err instanceof CoreError) throw new StepError('AI_UNAVAILABLE', err.message, { retriable: err.field === 'ai.baseUrl', cause: err });
  throw err;
}

async function ask(ai: AiGeneratePort, prompt: string, schema: Record<string, unknown> | undefined, signal: AbortSignal): Promise<{ text: string } | { json: unknown }> {
  if (schema) return { json: await ai.json(prompt, schema, signal) };
  return { text: await ai.text(prompt, signal) };
}

/**
 * A step that has a model write text (its output): A while the text stays in the app, B once a
 * later step sends it; a model's answer may take up to its 60 s deadline and a retry.
 */
export const writesTextToSend = {
  defaultTimeoutMs: 90_000,
  class: 'A',
  classWhenSent: 'B',
  classNote: 'B when a later step that sends outward (Class B or C, or notify.founder) uses its output',
} as const;

/**
 * Asks the AI model (feature `generate`; core.ai checks, redacts and records the call). Class A
 * while its answer stays in the app; B once a later step that sends outward uses it
 * (`classWhenSent`): text a model wrote leaves the app only with the founder's say-so.
 */
export const aiGenerateStep = defineStep({
  type: 'ai.generate',
  title: 'AI generate',
  description: 'Asks the AI model (setting ai.model, feature generate of ai.features): the prompt (with {{ }} templates) → { text }, or with a JSON Schema → { json } that fits it (checked, at most two repair turns).',
  ...writesTextToSend,
  params,
  ui: {
    prompt: { label: 'Prompt', widget: 'textarea', placeholder: 'Write a short thank-you note to {{ trigger.body.name }}' },
    schema: { label: 'Answer JSON Schema', help: 'Optional: the answer is then JSON that fits it (output json instead of text).' },
  },
  preview: ({ params: p }) => ({ feature: 'generate', prompt: p.prompt, ...(p.schema ? { schema: p.schema } : {}) }),
  async execute(ctx) {
    const ai = ctx.services.generate ?? unavailable();
    try {
      return { output: await ask(ai, ctx.params.prompt, ctx.params.schema, ctx.signal) };
    } catch (err) {
      return settled(err, ctx.signal);
    }
  },
});
