import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserSessions } from '../core/access/browser-sessions';
import { authenticate } from './auth';
import { checkSameOrigin } from './request-guards';
import { sendError, sendRefusal } from './respond';

/** A route a capability adds beside the API (webhooks, telemetry ingest, heartbeats). */
export interface ExtraRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  /** Path prefix, e.g. `/hooks/`. */
  prefix: string;
  /** Whether the access token is required; routes with their own secret say false. */
  requiresToken: boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

/**
 * Answers a request with the first route whose method and prefix match, checking the access
 * token first for the routes that need it. False when no route matched (the caller answers).
 */
export async function answerExtraRoute(
  routes: readonly ExtraRoute[],
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  access: { token: string; sessions: BrowserSessions },
): Promise<boolean> {
  const route = routes.find((r) => req.method === r.method && url.pathname.startsWith(r.prefix));
  if (!route) return false;
  if (route.requiresToken) {
    const caller = authenticate(req, access.token, access.sessions);
    if (!caller) {
      sendError(res, { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' });
      return true;
    }
    const refused = caller.kind === 'session' ? checkSameOrigin(req) : undefined;
    if (refused) {
      sendRefusal(res, refused);
      return true;
    }
  }
  await route.handle(req, res, url);
  return true;
}
