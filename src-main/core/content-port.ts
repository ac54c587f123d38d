import type { ContentEngineName, ContentKind, ContentSet } from '../../shared/contract/content';
import type { MessageChannel } from './message-port';

/** One asset of a set as a channel posts it (content.publish sends it through the message port). */
export interface ContentPost {
  channel: MessageChannel;
  kind: ContentKind;
  title: string;
  body: string;
}

/**
 * The content engine as the workflow steps content.generate and content.publish reach it:
 * createCore hands this port over (made from core.content), so the workflow engine never imports
 * the content capability. Bad input or a failed engine is a CoreError with the field and the rule;
 * nothing is saved then.
 */
export interface ContentPort {
  /** The six assets from an idea seed, saved in the product's history. */
  generate(input: { seed: string; product: string; audience?: string; tone?: string; language?: string }, engine: ContentEngineName, signal: AbortSignal): Promise<ContentSet>;
  /** A saved set by id; a NOT_FOUND CoreError naming `field` when there is none. */
  set(id: string, field: string): ContentSet;
  /** The posts that publish the set to `channels`, and the kinds no given channel posts. */
  publishing(set: ContentSet, channels: readonly MessageChannel[]): { posts: ContentPost[]; rest: ContentKind[] };
  /** Writes these kinds of the set as ready-to-post Markdown files into its product's content folder; names relative to that folder. */
  writeFiles(set: ContentSet, kinds: readonly ContentKind[]): { folder: string; files: string[] };
}
