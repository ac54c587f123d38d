import type { z } from 'zod';
import type { ContentAssetOf, ContentKind } from '../../../shared/contract/content';

/** What a template may say, each `{{ name }}` filled before the kind shapes the asset. */
export interface TemplateVars {
  /** The seed as written. */
  seed: string;
  /** The seed cut at a word to fit a title (≤ 60), a headline (≤ 120) or a summary (≤ 150). */
  title: string;
  headline: string;
  summary: string;
  /** The seed as a kebab-case slug (≤ 60). */
  seedSlug: string;
  product: string;
  price: string;
  audience: string;
  tone: string;
  /** This asset's link: the product's page with its UTM tags. */
  link: string;
  /** The product's tags as hashtags, space-separated. */
  hashtags: string;
}

/**
 * One asset kind: what it is, its schema (the limits), what else it must hold (the link where
 * it is posted, numbering…), how a template file becomes it, and how it reads as Markdown.
 * Adding a kind = one file in kinds/ and one line in kinds/index.ts (and its name in shared/contract/content.ts).
 */
export interface ContentKindDefinition<K extends ContentKind> {
  kind: K;
  title: string;
  description: string;
  /** Where the link's utm_source and utm_medium say the visit came from. */
  utm: { source: string; medium: string };
  schema: z.ZodType<ContentAssetOf<K>>;
  /** Problems the schema cannot see, as `field: rule`; empty when the asset is fine. */
  problems(asset: ContentAssetOf<K>, link: string): string[];
  /** A filled template (the JSON of content/templates/<kind>.json, every text filled) → the asset. */
  fromTemplate(filled: Record<string, unknown>, vars: TemplateVars): unknown;
  markdown(asset: ContentAssetOf<K>): string;
}

export type AnyContentKind = { [K in ContentKind]: ContentKindDefinition<K> }[ContentKind];

export function defineContentKind<K extends ContentKind>(definition: ContentKindDefinition<K>): ContentKindDefinition<K> {
  return definition;
}

/** The rule every kind shares: the link is the expected one and appears where the asset is posted. */
export function linkProblems(field: string, text: string, link: string): string[] {
  return text.includes(link) ? [] : [`${field}: must contain the product link ${link}`];
}

export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
export const textsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(textOf) : []);
