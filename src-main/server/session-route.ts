import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserSessions } from '../core/access/browser-sessions';
import { bearerOf } from './auth';
import { checkJsonContentType, checkSameOrigin } from './request-guards';
import { sendError, sendJson, sendRefusal } from './respond';
import { tokensMatch } from './token';

export const sessionOpenPath = '/auth/session';

/**
 * POST /auth/session with `Authorization: Bearer <access token>`: the page opened from the
 * printed link trades the token for a browser session once, then forgets the token.
 */
export function openBrowserSession(req: IncomingMessage, res: ServerResponse, token: string, sessions: BrowserSessions): void {
  if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'BAD_INPUT', message: 'POST only' } }, { allow: 'POST' });
  const refused = checkSameOrigin(req) ?? checkJsonContentType(req);
  if (refused) return sendRefusal(res, refused);
  if (!tokensMatch(token, bearerOf(req))) return sendError(res, { code: 'UNAUTHORIZED', message: 'Wrong access token: open the URL that levqor serve printed' });
  const agent = req.headers['user-agent'];
  const opened = sessions.open(typeof agent === 'string' ? agent : 'unknown browser');
  req.resume();
  sendJson(res, 200, { session: opened.value, id: opened.id, expiresAt: opened.expiresAt });
}
