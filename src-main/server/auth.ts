import type { IncomingMessage } from 'node:http';
import { tokensMatch } from './token';

/** Cookies are per host, not per port: naming the cookie by port keeps two servers apart. */
export function sessionCookieName(port: number): string {
  return `levqor_session_${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A request is let in by `Authorization: Bearer <token>` or by the session cookie. */
export function isAuthorized(req: IncomingMessage, token: string, port: number): boolean {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && tokensMatch(token, auth.slice(7).trim())) return true;
  return tokensMatch(token, readCookie(req, sessionCookieName(port)));
}
