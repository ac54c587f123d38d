import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { createCore, type Clock, type Core } from '../../src-main/core';
import { createDispatcher, type Dispatcher } from '../../src-main/api/dispatcher';
import { startServer, type ExtraRoute, type RunningServer } from '../../src-main/server/http-server';
import { appRoutes } from '../../src-main/server/routes';
import { loadOrCreateToken } from '../../src-main/server/token';
import { tempDir } from './temp-dir';

export interface InProcessServer {
  core: Core;
  dispatcher: Dispatcher;
  server: RunningServer;
  token: string;
  dataDir: string;
  /** `http://127.0.0.1:<port>`, as a page of this server sends it in Origin. */
  origin: string;
  /** POST /api/<procedure> with the access token. */
  call(procedure: string, input: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A browser session opened the way the page does it, from the access token. */
  openSession(): Promise<string>;
  close(): Promise<void>;
}

export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  allowHosts?: string[];
  /** The routes beside /api (every route of `levqor serve` unless given). */
  routes?: (dispatcher: Dispatcher) => ExtraRoute[];
  /** A built UI to serve. */
  rendererDir?: string;
}

/** The headless server as `levqor serve` wires it (core, dispatcher, every route), on a free port. */
export async function serveInProcess(options: ServeOptions = {}): Promise<InProcessServer> {
  const dataDir = tempDir();
  const core = createCore({ dataDir, env: options.env ?? {}, logToFile: false, ...(options.clock ? { clock: options.clock } : {}) });
  const dispatcher = createDispatcher(core);
  const token = loadOrCreateToken(dataDir);
  const routes = (options.routes ?? appRoutes)(dispatcher);
  const extra = { ...(options.allowHosts ? { allowHosts: options.allowHosts } : {}), ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}) };
  const server = await startServer({ core, dispatcher, token, port: 0, routes, ...extra });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    core,
    dispatcher,
    server,
    token,
    dataDir,
    origin,
    call: (procedure, input, headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }) =>
      fetch(`${origin}/api/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input) }),
    async openSession() {
      const res = await fetch(`${origin}/auth/session`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin }, body: '{}' });
      if (res.status !== 200) throw new Error(`auth/session answered ${res.status}`);
      return ((await res.json()) as { session: string }).session;
    },
    async close() {
      await server.close();
      core.close();
    },
  };
}

const servedForTest = new Set<InProcessServer>();

/** serveInProcess for the current test: closed (server, then core) when the test ends. */
export async function serveForTest(options: ServeOptions = {}): Promise<InProcessServer> {
  const served = await serveInProcess(options);
  servedForTest.add(served);
  return served;
}

afterEach(async () => {
  for (const served of [...servedForTest]) await served.close();
  servedForTest.clear();
});

/** A digest of every row of every table: equal digests mean a call changed nothing stored. */
export function databaseDigest(core: Core): string {
  const hash = createHash('sha256');
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(table);
    for (const row of core.db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return hash.digest('hex');
}
