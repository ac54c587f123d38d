import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import type { Dispatcher } from '../api/dispatcher';
import { authenticate } from './auth';
import { readJsonBody } from './body';
import { interfaceAddresses, isWildcard } from './interfaces';
import { allowedHostHeaders, checkHost, checkJsonContentType, checkSameOrigin, parseRequestTarget } from './request-guards';
import { openBrowserSession, sessionOpenPath } from './session-route';
import { streamEvents } from './events-stream';
import { sendError, sendJson, sendRefusal } from './respond';
import { serveStatic } from './static-files';

/** A route a capability adds beside the API (webhooks, telemetry ingest, heartbeats). */
export interface ExtraRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  /** Path prefix, e.g. `/hooks/`. */
  prefix: string;
  /** Whether the access token is required; routes with their own secret say false. */
  requiresToken: boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

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

    for (const route of options.routes ?? []) {
      if (req.method !== route.method || !path.startsWith(route.prefix)) continue;
      if (route.requiresToken) {
        const caller = authenticate(req, token, core.sessions);
        if (!caller) return sendError(res, { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' });
        const refused = caller.kind === 'session' ? checkSameOrigin(req) : undefined;
        if (refused) return sendRefusal(res, refused);
      }
      return route.handle(req, res, url);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'BAD_INPUT', message: 'Method not allowed' } });
    return serveStatic(res, rendererDir, path);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      core.log.error({ err, url: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: 'Something went wrong; the log in the data dir has the details' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? defaultPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = allowedHostHeaders(host, port, [...(options.allowHosts ?? []), ...(isWildcard(host) ? interfaceAddresses() : [])]);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/`;
  core.log.info({ host, port }, 'server listening');

  return {
    url,
    port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
