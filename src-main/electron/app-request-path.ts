import { isAbsolute, join, relative, sep } from 'node:path';
import { appOrigin } from './app-scheme';

export type AppRequestPath = { ok: true; file: string } | { ok: false; reason: string };

/**
 * Which file of the renderer folder an app:// URL names, or why it names none. No file system
 * access here: symlinks are checked when the file is read (app-protocol-response.ts).
 *
 * Chromium canonicalises a standard scheme's URL before the handler sees it (dot segments
 * resolved, backslashes made slashes), but this does not count on it: the path as written is
 * checked one segment at a time after percent-decoding, so `..`, `%2e%2e`, an encoded slash
 * or backslash, a drive letter or a NUL is refused however it is spelt.
 */
export function resolveAppRequestPath(rawUrl: string, root: string): AppRequestPath {
  const prefix = `${appOrigin}/`;
  // compared as written: a user name, a port or another host makes the prefix differ
  if (typeof rawUrl !== 'string' || rawUrl.slice(0, prefix.length).toLowerCase() !== prefix) {
    return { ok: false, reason: 'not the app origin' };
  }
  const path = rawUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (path === '') return { ok: true, file: join(root, 'index.html') };
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    const segment = decodeSegment(raw);
    if (segment === undefined) return { ok: false, reason: 'a path segment is not valid percent-encoding' };
    if (!isPlainName(segment)) return { ok: false, reason: 'the path leaves the renderer folder or names a folder' };
    segments.push(segment);
  }
  const file = join(root, ...segments);
  if (!isInsideFolder(root, file)) return { ok: false, reason: 'the path leaves the renderer folder' };
  return { ok: true, file };
}

/** Whether `path` is below `folder` (not the folder itself), comparing the paths as given. */
export function isInsideFolder(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** One file or folder name: not empty (`//`, a trailing slash), not `.` or `..`, no separator, drive colon or NUL. */
function isPlainName(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[/\\:\0]/.test(segment);
}
