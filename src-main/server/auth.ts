import type { IncomingMessage } from 'node:http';
import type { BrowserSessions } from '../core/access/browser-sessions';
import { tokensMatch } from './token';

/**
 * The header a browser sends its session in. A custom header (not a cookie) on purpose:
 * browsers send a host's cookies to every port of that host, so a cookie would reach any other
 * local server the founder's browser visits; a header is sent only by our own page's script,
 * and cross-origin it needs a CORS preflight that this server never grants.
 */
export const sessionHeader = 'x-levqor-session';

/** Who a request is: a script with the access token, or a signed-in browser. */
export type Caller = { kind: 'token' } | { kind: 'session'; sessionId: string };

export function bearerOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

export function authenticate(req: IncomingMessage, token: string, sessions: BrowserSessions): Caller | undefined {
  if (tokensMatch(token, bearerOf(req))) return { kind: 'token' };
  const value = req.headers[sessionHeader];
  const session = typeof value === 'string' ? sessions.verify(value) : undefined;
  return session ? { kind: 'session', sessionId: session.id } : undefined;
}
