import { closeSync, lstatSync, openSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../errors';
import { nameSegmentProblem } from '../../../shared/product-files';
import { isInside } from '../fs/contained-path';

export interface ContentEntry {
  /** The name inside the ZIP: relative, `/`-separated. */
  name: string;
  /** The file to read (a symlink's target, which is inside the product folder). */
  path: string;
  size: number;
}

/** Operating-system clutter that never belongs in a product. */
const ignoredNames = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Classic ZIP limits; past them the archive would need ZIP64, which the writer does not produce. */
export const maxEntries = 65_535;
export const maxBytes = 0xffff_fffe;

/**
 * Lists the files of a product's content folder, sorted, refusing anything that could escape
 * it when unzipped or that cannot be read — before anything is written anywhere.
 */
export function collectContent(contentDir: string, label: string): ContentEntry[] {
  let root: string;
  try {
    root = realpathSync(contentDir);
    if (!statSync(root).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch {
    throw new CoreError('BAD_INPUT', `contentDir: ${label} does not exist or is not a folder; put the product's files there`, 'contentDir');
  }
  const { entries, problems } = walkContent(root);
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new CoreError('BAD_INPUT', `contentDir: ${label}: ${shown}${more}`, 'contentDir');
  }
  if (entries.length === 0) throw new CoreError('BAD_INPUT', `contentDir: ${label} is empty; there is nothing to ship`, 'contentDir');
  if (entries.length > maxEntries) throw new CoreError('TOO_LARGE', `contentDir: ${label} has ${entries.length} files; a ZIP holds at most ${maxEntries}`, 'contentDir');
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > maxBytes || total > maxBytes) throw new CoreError('TOO_LARGE', `contentDir: ${label} is over 4 GiB; split the product`, 'contentDir');
  }
  return entries;
}

/**
 * Every file of a content folder (already resolved through its links) as the compile would
 * take it, sorted, and what it would refuse; nothing is refused here (the Launches page lists
 * a folder as it is).
 */
export function walkContent(root: string): { entries: ContentEntry[]; problems: string[] } {
  const entries: ContentEntry[] = [];
  const problems: string[] = [];
  walk(root, root, '', entries, problems);
  return { entries: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), problems };
}

function walk(root: string, dir: string, prefix: string, entries: ContentEntry[], problems: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    problems.push(`${prefix || '.'} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  for (const name of names) {
    if (ignoredNames.has(name)) continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    const nameProblem = nameSegmentProblem(name);
    if (nameProblem) {
      problems.push(`${JSON.stringify(rel)}: ${nameProblem}`);
      continue;
    }
    const full = join(dir, name);
    let stats: Stats = lstatSync(full);
    let path = full;
    if (stats.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        problems.push(`${rel} is a broken link and cannot be read`);
        continue;
      }
      // refused, not skipped: a skipped file would ship a product silently missing a part, and
      // the founder would learn of it from a buyer; refusing names the link to fix
      if (!isInside(root, real)) {
        problems.push(`${rel} is a link that points outside the product folder (to ${real})`);
        continue;
      }
      stats = statSync(real);
      if (stats.isDirectory()) {
        problems.push(`${rel} is a link to a folder; links to folders are not followed`);
        continue;
      }
      path = real;
    }
    if (stats.isDirectory()) {
      walk(root, full, rel, entries, problems);
    } else if (!stats.isFile()) {
      problems.push(`${rel} is not a regular file`);
    } else {
      try {
        closeSync(openSync(path, 'r'));
        entries.push({ name: rel, path, size: stats.size });
      } catch (err) {
        problems.push(`${rel} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
  }
}
