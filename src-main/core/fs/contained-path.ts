import { readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CoreError } from '../errors';

/** More links in a row than this is a loop; the path is left where the hops stopped. */
const maxLinkHops = 40;

/**
 * Where `path` really leads: every link resolved in the part that exists, the part that does
 * not exist yet (a folder about to be created) kept as named. A dangling link is followed to
 * its target too, since creating the path would create the target.
 */
export function realPathOf(path: string): string {
  const missing: string[] = [];
  let at = resolve(path);
  for (let hops = 0; ; ) {
    try {
      return join(realpathSync(at), ...missing);
    } catch {
      let target: string | undefined;
      try {
        target = readlinkSync(at);
      } catch {
        target = undefined;
      }
      if (target !== undefined && hops++ < maxLinkHops) {
        at = resolve(realPathOf(dirname(at)), target);
        continue;
      }
      const parent = dirname(at);
      if (parent === at || target !== undefined) return join(at, ...missing);
      missing.unshift(basename(at));
      at = parent;
    }
  }
}

/** True when the real path `path` is `root` or below it (both already real). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The real path of `path`, which must stay inside `root` once links are followed (a link that
 * stays inside is fine). Otherwise BAD_INPUT naming the field, the path, where it leads and the
 * folder it must stay in — checked before anything is read or written, so a refusal changes
 * nothing.
 */
export function requireInside(root: string, path: string, field: string, rootName: string): string {
  const realRoot = realPathOf(root);
  const real = realPathOf(path);
  if (isInside(realRoot, real)) return real;
  throw new CoreError(
    'BAD_INPUT',
    `${field}: ${path} leads through a link to ${real}, outside ${rootName} (${realRoot}); Levqor reads and writes only inside it, so replace the link with the real folder or file`,
    field,
  );
}
