import type { IncomingMessage } from 'node:http';
import type { Dispatcher } from '../api/dispatcher';
import { heartbeatPathPrefix } from '../core/guardian/guardian-service';
import type { ExtraRoute } from './http-server';
import { sendError, sendJson } from './respond';

/** The body of a ping is ignored (as Healthchecks.io logs it; we only drain it), capped. */
async function drain(req: IncomingMessage, limit = 100_000): Promise<void> {
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) break;
  }
}

/**
 * GET|POST /heartbeat/<token>: a push monitor's ping (a cron job's `curl`). The monitor's own
 * random token authenticates it, not the app's access token. 200 with the monitor's state;
 * 404 for a token no monitor has.
 */
export function heartbeatRoutes(dispatcher: Dispatcher): ExtraRoute[] {
  const handle: ExtraRoute['handle'] = async (req, res, url) => {
    if (req.method === 'POST') await drain(req);
    const token = decodeURIComponent(url.pathname.slice(heartbeatPathPrefix.length)).replace(/\/+$/, '');
    if (!token || token.includes('/')) return sendError(res, { code: 'NOT_FOUND', message: 'No push monitor here' });
    const result = await dispatcher.call('guardian.ping', { token }, { transport: 'http' });
    if (!result.ok) return sendError(res, result.error.code === 'BAD_INPUT' ? { code: 'NOT_FOUND', message: 'No push monitor has this token' } : result.error);
    const monitor = result.value as { id: string; state: string };
    return sendJson(res, 200, { ok: true, monitorId: monitor.id, state: monitor.state });
  };
  return [
    { method: 'GET', prefix: heartbeatPathPrefix, requiresToken: false, handle },
    { method: 'POST', prefix: heartbeatPathPrefix, requiresToken: false, handle },
  ];
}
