/** Where the app's own UI lives: the built renderer file, or the dev server in development. */
export interface AppUrlPolicy {
  /** file:// URL of out/renderer/index.html. */
  rendererFileUrl: string;
  /** electron-vite's dev server origin, only when running unpackaged under `electron-vite dev`. */
  devServerUrl?: string | undefined;
  /** Windows paths compare case-insensitively. */
  caseInsensitivePaths?: boolean;
}

/**
 * Whether a URL is the app's own page. The query and hash are ignored (the renderer routes
 * with them); anything else, including another file next to index.html, is not ours.
 */
export function isAppUrl(raw: string, policy: AppUrlPolicy): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const own = parse(policy.rendererFileUrl);
    if (!own || own.protocol !== 'file:' || url.host !== own.host) return false;
    const a = decodePath(url.pathname);
    const b = decodePath(own.pathname);
    if (a === undefined || b === undefined) return false;
    return policy.caseInsensitivePaths ? a.toLowerCase() === b.toLowerCase() : a === b;
  }
  if (policy.devServerUrl) {
    const dev = parse(policy.devServerUrl);
    return dev !== undefined && (dev.protocol === 'http:' || dev.protocol === 'https:') && url.origin === dev.origin;
  }
  return false;
}

function parse(raw: string): URL | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}
