import type { ContentEngineName, ContentSet } from '../../shared/contract/content';

/**
 * The content engine as the workflow step content.generate reaches it: createCore hands this
 * port over (made from core.content), so the workflow engine never imports the content capability.
 * Bad input or a failed engine is a CoreError with the field and the rule; nothing is saved then.
 */
export interface ContentPort {
  /** The six assets from an idea seed, saved in the product's history. */
  generate(input: { seed: string; product: string; audience?: string; tone?: string; language?: string }, engine: ContentEngineName, signal: AbortSignal): Promise<ContentSet>;
}
