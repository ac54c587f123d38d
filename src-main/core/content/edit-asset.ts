import type { ContentKind, ContentSet } from '../../../shared/contract/content';
import { badInput, CoreError } from '../errors';
import { checkAsset } from './check-asset';

/**
 * The set with its `kind` asset replaced by the edited one, once the kind's validator (the same
 * as at generation) passes. The link stays the stored one: it is the product's page with this
 * asset's UTM tags, which an edit has no reason to change. A broken rule is a BAD_INPUT whose
 * field is the first broken one under `asset.` and whose message holds every broken rule, one a line.
 */
export function withEditedAsset(set: ContentSet, kind: ContentKind, edited: Record<string, unknown>): ContentSet {
  const index = set.assets.findIndex((a) => a.kind === kind);
  const stored = set.assets[index];
  if (!stored) throw badInput('kind', `set ${set.id} has no ${kind} asset`);
  const checked = checkAsset(kind, { ...edited, kind, link: stored.link }, stored.link);
  if (!checked.ok) {
    // checkAsset names each problem `<kind>.<field>: <rule>`; the caller sent the asset as `asset`
    const problems = checked.problems.map((p) => `asset.${p.slice(kind.length + 1)}`);
    throw new CoreError('BAD_INPUT', problems.join('\n'), problems[0]!.split(':')[0]);
  }
  return { ...set, assets: set.assets.map((a, i) => (i === index ? checked.asset : a)) };
}
