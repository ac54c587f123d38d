import { z } from 'zod';
import { contentKinds, type ContentAsset } from '../../../shared/contract/content';
import { askStructured, type AiService } from '../ai';
import { checkAsset } from './check-asset';
import type { ContentBrief, ContentEngine } from './content-engine';
import { contentKindList } from './kinds';

/** The name the answer's JSON Schema carries in response_format. */
const answerName = 'content_assets';

/** The answer: one asset under each kind's name, each held to its kind's validator and link (a miss is sent back as a repair turn). */
function answerSchema(brief: ContentBrief) {
  const shape = Object.fromEntries(contentKindList.map((k) => [k.kind, k.schema]));
  return z.object(shape).superRefine((answer, ctx) => {
    for (const kind of contentKinds) {
      const checked = checkAsset(kind, (answer as Record<string, unknown>)[kind], brief.links[kind]);
      if (!checked.ok) for (const problem of checked.problems) ctx.addIssue({ code: 'custom', message: problem });
    }
  });
}

function prompt(brief: ContentBrief): string {
  const { seed, product } = brief;
  const kinds = contentKindList.map((k) => `- ${k.kind} (${k.title}): ${k.description} Its "link" field and the link in its text must be exactly ${brief.links[k.kind]}`);
  return [
    `Write six marketing assets from one idea seed. Every asset drives traffic to the product ${product.name} (${product.price} ${product.currency}): ${product.description}`,
    `Idea seed: ${seed.seed}`,
    `Audience: ${seed.audience || 'founders'}`,
    ...(seed.tone ? [`Tone: ${seed.tone}`] : []),
    ...(seed.language ? [`Write in: ${seed.language}`] : []),
    'The assets, each under its kind as the JSON key, with "kind" set to that key:',
    ...kinds,
  ].join('\n');
}

/** The six assets written by the AI model (feature `content`, askStructured: json_schema, two repair turns). */
export class AiEngine implements ContentEngine {
  readonly name = 'ai' as const;
  constructor(private readonly ai: AiService) {}

  async generate(brief: ContentBrief, signal?: AbortSignal): Promise<ContentAsset[]> {
    const request = { feature: 'content' as const, messages: [{ role: 'user' as const, content: prompt(brief) }], ...(signal ? { signal } : {}) };
    const answer = (await askStructured(this.ai, request, answerName, answerSchema(brief))) as Record<string, unknown>;
    return contentKinds.map((kind) => {
      const checked = checkAsset(kind, answer[kind], brief.links[kind]);
      if (!checked.ok) throw new Error(`checked answer failed again: ${checked.problems[0]}`);
      return checked.asset;
    });
  }
}
