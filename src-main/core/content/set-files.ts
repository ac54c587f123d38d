import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentAsset, ContentKind, ContentSet } from '../../../shared/contract/content';
import { contentKind } from './kinds';

/** Where a set's files go inside its product's content folder. */
export const setFolder = (set: ContentSet): string => `marketing/${set.id}`;

/**
 * Writes the set's assets of `kinds` (all when not given) as Markdown into `<content folder>/marketing/<set id>/`,
 * named by their place in the set (`01-video-script.md`), and answers the file names.
 */
export function writeSetFiles(contentDir: string, set: ContentSet, kinds?: readonly ContentKind[]): string[] {
  const dir = join(contentDir, setFolder(set));
  mkdirSync(dir, { recursive: true });
  return set.assets.flatMap((asset, i) => {
    if (kinds && !kinds.includes(asset.kind)) return [];
    const name = `${String(i + 1).padStart(2, '0')}-${asset.kind}.md`;
    writeFileSync(join(dir, name), `${(contentKind(asset.kind).markdown as (a: ContentAsset) => string)(asset)}\n`);
    return [name];
  });
}
