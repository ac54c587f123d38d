import { appHost, appScheme } from './app-scheme';

/** Where the app's own UI lives besides app://levqor/: the dev server, in development only. */
export interface AppUrlPolicy {
  /** electron-vite's dev server origin, only when running unpackaged under `electron-vite dev`. */
  devServerUrl?: string | undefined;
}

// the paths at which app://levqor/ serves index.html (app-request-path.ts)
const pagePaths: ReadonlySet<string> = new Set(['/', '/index.html']);

/**
 * Whether a URL is the app's own page: app://levqor/ (or /index.html), or the dev server's
 * origin when one is configured. The query and hash are ignored (the renderer routes with the
 * hash); anything else, a file:// URL of the very same index.html or another file of the app
 * included, is not ours.
 */
export function isAppUrl(raw: string, policy: AppUrlPolicy): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (url.protocol === `${appScheme}:`) {
    return url.host === appHost && url.username === '' && url.password === '' && pagePaths.has(url.pathname);
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
