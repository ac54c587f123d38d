import type { ContentAsset, ContentKind } from '../../../shared/contract/content';
import { contentKind } from './kinds';

/** An asset of `kind` checked by its validator: the value, or every problem as `field: rule` (fields under the kind). */
export function checkAsset(kind: ContentKind, raw: unknown, link: string): { ok: true; asset: ContentAsset } | { ok: false; problems: string[] } {
  const definition = contentKind(kind);
  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${[kind, ...i.path].join('.')}: ${i.message}`) };
  const asset = parsed.data;
  const problems = [...(asset.link === link ? [] : [`link: must be the product link ${link}`]), ...(definition.problems as (a: ContentAsset, l: string) => string[])(asset, link)];
  return problems.length === 0 ? { ok: true, asset } : { ok: false, problems: problems.map((p) => `${kind}.${p}`) };
}
