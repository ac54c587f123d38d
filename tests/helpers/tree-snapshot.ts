import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything under `dir`, without following links: each path with its kind and content (a
 * file's bytes, a link's target). Two snapshots are equal when nothing was written, removed or
 * replaced. An absent `dir` snapshots as empty.
 */
export function treeSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(at).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(at, name);
      const key = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) out[key] = `link -> ${readlinkSync(full)}`;
      else if (stats.isDirectory()) {
        out[key] = 'folder';
        walk(full, key);
      } else out[key] = `file ${readFileSync(full).toString('base64')}`;
    }
  };
  walk(dir, '');
  return out;
}
