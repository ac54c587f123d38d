import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from './fixtures';
import { repoRoot, type LevqorServer } from './server-process';

/** A procedure called as the CLI or a script would: the server's token, JSON in and out; anything but 200 fails the test. */
export async function api<T>(server: LevqorServer, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}api/${procedure}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await res.text();
  expect(res.status, `${procedure}: ${body}`).toBe(200);
  return JSON.parse(body) as T;
}

/** `levqor <args>` on the test's data dir (beside the running server); its exit code, stdout and stderr. */
export function levqorCli(dataDir: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', dataDir, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** A local HTTP endpoint that answers 200 with JSON and records each request (method, path, parsed JSON body). */
export async function startTarget(): Promise<{ url: string; hits: Array<{ method: string; path: string; body: unknown }>; close(): Promise<void> }> {
  const hits: Array<{ method: string; path: string; body: unknown }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? (JSON.parse(text) as unknown) : null;
      } catch {
        // kept as text
      }
      hits.push({ method: req.method ?? 'GET', path: req.url ?? '/', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
