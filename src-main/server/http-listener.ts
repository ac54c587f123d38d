import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger';
import { sendError } from './respond';

export interface HttpListenerOptions {
  host: string;
  port: number;
  log: Logger;
  /** Answers one request; a throw becomes a 500 that names no detail (the log has it). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface HttpListener {
  /** `http://<host>:<port>/` (IPv6 in brackets). */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

/** One HTTP server on host:port: what `levqor serve` and the desktop app's inbound server share. */
export async function listenHttp(options: HttpListenerOptions): Promise<HttpListener> {
  const { host, log, handle } = options;
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error({ err, url: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: 'Something went wrong; the log in the data dir has the details' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
