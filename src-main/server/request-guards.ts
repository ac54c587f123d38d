import type { IncomingMessage } from 'node:http';
import type { ApiError } from '../../shared/contract/errors';

export type Refusal = { status: number; error: ApiError };

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The Host header values this server answers to: the bound host and the loopback names, each
 * with the bound port. A page on another name (DNS rebinding: evil.example resolving to
 * 127.0.0.1) arrives with that name in Host and is refused before any route runs.
 */
export function allowedHostHeaders(boundHost: string, port: number, extraHosts: readonly string[] = []): Set<string> {
  const names = new Set<string>(loopbackNames);
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  names.add(bound.toLowerCase());
  for (const extra of extraHosts) names.add(extra.toLowerCase());
  const allowed = new Set<string>();
  for (const name of names) {
    allowed.add(`${name}:${port}`);
    if (port === 80) allowed.add(name);
  }
  return allowed;
}

export function checkHost(req: IncomingMessage, allowed: ReadonlySet<string>): Refusal | undefined {
  const host = req.headers.host?.toLowerCase();
  if (host !== undefined && allowed.has(host)) return undefined;
  return {
    status: 421,
    error: { code: 'FORBIDDEN', message: `host: this server answers only to ${[...allowed].join(', ')} (start it with --allow-host NAME to add a name)`, field: 'host' },
  };
}

/**
 * A browser call must come from our own page. Chromium, Firefox and Safari send Origin on
 * every POST and Sec-Fetch-Site on every request; either one settles it.
 */
export function checkSameOrigin(req: IncomingMessage): Refusal | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined ? origin === `http://${req.headers.host}` : req.headers['sec-fetch-site'] === 'same-origin') return undefined;
  return { status: 403, error: { code: 'FORBIDDEN', message: 'origin: browser calls are accepted only from the app\u2019s own page', field: 'origin' } };
}

/**
 * Every API call says it is JSON, an empty body included: an HTML form or a `no-cors` fetch
 * from another site cannot send that content type without a preflight, which is never granted.
 */
export function checkJsonContentType(req: IncomingMessage): Refusal | undefined {
  if (/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return undefined;
  return { status: 415, error: { code: 'BAD_INPUT', message: 'content-type: must be application/json (an empty body too)', field: 'content-type' } };
}

/** The request target as a URL, or undefined when it is not one (`//`, `%E0%A4%A`). */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  const raw = target ?? '/';
  if (!raw.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(`http://levqor.invalid${raw}`);
    decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  return url;
}
