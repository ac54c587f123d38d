import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  method: string;
  path: string;
  key: string | undefined;
  body: string;
  headers: IncomingMessage['headers'];
}

export type Route = (hit: Hit, res: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 (port 0) that records every request and counts them by
 * Idempotency-Key. Routes answer by path; the default answers 200 with a JSON echo.
 */
export class CountingServer {
  readonly hits: Hit[] = [];
  private server: Server | undefined;
  private readonly routes = new Map<string, Route>();
  url = '';

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0] as string;
        const key = req.headers['idempotency-key'];
        const hit: Hit = { method: req.method ?? 'GET', path, key: Array.isArray(key) ? key[0] : key, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
        this.hits.push(hit);
        const route = this.routes.get(path);
        if (route) {
          void Promise.resolve(route(hit, res)).catch(() => res.destroy());
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, method: hit.method, path, key: hit.key, body: hit.body ? (JSON.parse(hit.body) as unknown) : null }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  countByKey(): Map<string, number> {
    const m = new Map<string, number>();
    for (const h of this.hits) if (h.key) m.set(h.key, (m.get(h.key) ?? 0) + 1);
    return m;
  }

  hitsOn(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
