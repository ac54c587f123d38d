import type { Core } from '../core';
import { CoreError } from '../core/errors';
import { answerExtraRoute, type ExtraRoute } from './extra-routes';
import { listenHttp, type HttpListener } from './http-listener';
import { parseRequestTarget } from './request-guards';
import { sendError } from './respond';

export interface InboundServerOptions {
  core: Core;
  /** `appRoutes(dispatcher)`: each route checks its own credential (signature, secret, token). */
  routes: readonly ExtraRoute[];
  /** The data dir's access token, for the routes that ask for it (telemetry ingest). */
  token: string;
  host: string;
  port: number;
}

/**
 * The desktop app's server for calls from outside: the routes `levqor serve` has beside its API,
 * and nothing else. The window talks over IPC, so there is no /api, no event stream and no page
 * here. The Host header is not checked: no ambient credential (cookie, session, access token in
 * the page) rides on these requests, so a rebound DNS name gains a page nothing, and tunnels
 * (cloudflared) keep their public name in Host.
 */
export async function startInboundServer(options: InboundServerOptions): Promise<HttpListener> {
  const { core, routes, token, host, port } = options;
  const access = { token, sessions: core.sessions };
  try {
    const listener = await listenHttp({
      host,
      port,
      log: core.log,
      handle: async (req, res) => {
        const url = parseRequestTarget(req.url);
        if (!url) return sendError(res, { code: 'BAD_INPUT', message: 'path: is not a valid URL path (check its percent-encoding)', field: 'path' });
        if (await answerExtraRoute(routes, req, res, url, access)) return;
        sendError(res, { code: 'NOT_FOUND', message: `${req.method ?? 'GET'} ${url.pathname}: the desktop app answers only webhooks, heartbeats and telemetry ingest here (its API is not served over HTTP)` });
      },
    });
    core.log.info({ host, port: listener.port }, 'inbound server listening');
    return listener;
  } catch (err) {
    throw inboundListenError(err, host, port);
  }
}

/** A failed listen in words that name the setting to change. */
function inboundListenError(err: unknown, host: string, port: number): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new CoreError('CONFLICT', `inbound.port: ${port} on ${host} is already used by another program; choose a free port (levqor settings set inbound.port N) or 0 to turn the inbound server off`, 'inbound.port');
  }
  if (code === 'EACCES') {
    return new CoreError('FORBIDDEN', `inbound.port: this system does not let the app listen on ${port}; choose a port above 1023`, 'inbound.port');
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CoreError('BAD_INPUT', `inbound.host: ${host} is not an address of this machine (levqor settings set inbound.host 127.0.0.1)`, 'inbound.host');
  }
  return err instanceof Error ? err : new Error(String(err));
}
