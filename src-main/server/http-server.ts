import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Core } from '../core';
import type { Dispatcher } from '../api/dispatcher';
import { authenticate } from './auth';
import { readJsonBody } from './body';
import { interfaceAddresses, isWildcard } from './interfaces';
import { allowedHostHeaders, checkHost, checkJsonContentType, checkSameOrigin, parseRequestTarget } from './request-guards';
import { openBrowserSession, sessionOpenPath } from './session-route';
import { streamEvents } from './events-stream';
import { answerExtraRoute, type ExtraRoute } from './extra-routes';
import { listenHttp } from './http-listener';
import { sendError, sendJson, sendRefusal } from './respond';
import { serveStatic } from './static-files';

export type { ExtraRoute } from './extra-routes';

export interface ServerOptions {
  core: Core;
  dispatcher: Dispatcher;
  token: string;
  host?: string;
  port?: number;
  rendererDir?: string;
  routes?: ExtraRoute[];
  /** More names the Host header may carry (a home server's DNS name, a tunnel's host). */
  allowHosts?: readonly string[];
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export const defaultHost = '127.0.0.1';
export const defaultPort = 4319;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, dispatcher, token } = options;
  const host = options.host ?? defaultHost;
  const rendererDir = options.rendererDir && existsSync(options.rendererDir) ? options.rendererDir : undefined;
  let allowedHosts = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusedHost = checkHost(req, allowedHosts);
    if (refusedHost) return sendRefusal(res, refusedHost);
    const url = parseRequestTarget(req.url);
    if (!url) return sendError(res, { code: 'BAD_INPUT', message: 'path: is not a valid URL path (check its percent-encoding)', field: 'path' });
    const path = url.pathname;

    if (path.startsWith('/api/')) {
      const caller = authenticate(req, token, core.sessions);
      if (!caller) {
        return sendError(res, { code: 'UNAUTHORIZED', message: 'Missing or wrong access token: open the URL printed by levqor serve, or send Authorization: Bearer <token>' });
      }
      const refused = (caller.kind === 'session' ? checkSameOrigin(req) : undefined) ?? (path === '/api/events' ? undefined : checkJsonContentType(req));
      if (refused) return sendRefusal(res, refused);
      if (path === '/api/events') {
        if (req.method !== 'GET') return sendJson(res, 405, { error: { code: 'BAD_INPUT', message: 'GET only' } }, { allow: 'GET' });
        return streamEvents(req, res, core.events);
      }
      if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'BAD_INPUT', message: 'POST only' } }, { allow: 'POST' });
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, body.error);
      const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
      const result = await dispatcher.call(decodeURIComponent(path.slice('/api/'.length)), body.value, {
        transport: 'http',
        requestId,
        ...(caller.kind === 'session' ? { sessionId: caller.sessionId } : {}),
      });
      return result.ok ? sendJson(res, 200, result.value ?? null, { 'x-request-id': requestId }) : sendError(res, result.error);
    }

    if (path === sessionOpenPath) return openBrowserSession(req, res, token, core.sessions);

    if (await answerExtraRoute(options.routes ?? [], req, res, url, { token, sessions: core.sessions })) return;

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'BAD_INPUT', message: 'Method not allowed' } });
    return serveStatic(res, rendererDir, path);
  };

  const listener = await listenHttp({ host, port: options.port ?? defaultPort, log: core.log, handle });
  const { port } = listener;
  allowedHosts = allowedHostHeaders(host, port, [...(options.allowHosts ?? []), ...(isWildcard(host) ? interfaceAddresses() : [])]);
  core.log.info({ host, port }, 'server listening');

  return listener;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
