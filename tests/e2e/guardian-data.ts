import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { callAsPage } from './fixtures';
import { repoRoot, type LevqorServer } from './server-process';

const minute = 60_000;
const hour = 60 * minute;

/** Local HTTP targets for monitors: /ok answers 200, /down 500, /slow 200 after 300 ms. */
export async function startTargets(): Promise<{ url(path: string): string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/down')) return void res.writeHead(500).end('boom');
    if (req.url?.startsWith('/slow')) return void setTimeout(() => res.writeHead(200).end('ok, slowly'), 300);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok: levqor shop');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 30 days of hourly health scores, stored as the hourly task would have (the data dir must exist and no server run). */
export function seedScoreHistory(dataDir: string, now: number): void {
  const made = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', dataDir, 'status'], { cwd: repoRoot, encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  const db = new Database(join(dataDir, 'levqor.db'));
  try {
    const insert = db.prepare('INSERT INTO guardian_scores (at, score, breakdown) VALUES (?, ?, ?)');
    const first = Math.floor(now / hour) * hour - 30 * 24 * hour;
    db.transaction(() => {
      for (let i = 0, at = first; at < now - hour; i++, at += hour) insert.run(at, Math.max(40, Math.round(92 - 10 * Math.sin(i / 9) - (i % 37 === 0 ? 30 : 0))), '[]');
    })();
  } finally {
    db.close();
  }
}

/** The founder's traffic over the last three hours on four endpoints (2% answered 5xx), a burst of payment timeouts and a slow search. */
export function trafficRows(now: number): unknown[] {
  const rows: unknown[] = [];
  const endpoints = [
    ['GET', '/api/products', 40],
    ['POST', '/api/checkout', 180],
    ['GET', '/api/search', 120],
    ['PUT', '/api/cart', 60],
  ] as const;
  for (let i = 0; i < 6_000; i++) {
    const ts = now - 3 * hour + Math.round((i * 3 * hour) / 6_000);
    const [method, endpoint, ms] = endpoints[i % endpoints.length]!;
    const failed = i % 50 === 7;
    rows.push({ ts, level: failed ? 'error' : 'info', source: 'site', message: failed ? `${method} ${endpoint} failed` : `${method} ${endpoint} ok`, endpoint, method, status: failed ? 502 : 200, duration_ms: ms + (i % 40) });
  }
  for (let i = 0; i < 80; i++) rows.push({ ts: now - 10 * minute + i * 7_000, level: 'error', source: 'site', message: `Payment provider timeout for order ${9000 + i}`, endpoint: '/api/checkout', method: 'POST', status: 504, duration_ms: 3_000 });
  for (let i = 0; i < 60; i++) rows.push({ ts: now - 14 * minute + i * 13_000, level: 'info', source: 'site', message: 'GET /api/search ok', endpoint: '/api/search', method: 'GET', status: 200, duration_ms: 2_500 + i });
  return rows;
}

const flaky = { name: 'Flaky import', trigger: { type: 'manual' }, nodes: [{ id: 't', type: 'transform', params: { expression: '$error("upstream 502")' } }], edges: [] };
const gated = { name: 'Refund', trigger: { type: 'manual' }, nodes: [{ id: 'g', type: 'approval', params: { message: 'refund?' }, approval: { timeout: '7d' } }], edges: [] };

/**
 * What a founder a few weeks in has: six monitors (two failing), three hours of traffic with
 * anomalies in it, a workflow that failed three times and an approval waiting. Added through
 * the API the page uses, so it works on any build.
 */
export async function seedRealistic(page: Page, server: LevqorServer, targets: { url(path: string): string }): Promise<void> {
  const call = async (procedure: string, data: unknown) => {
    const res = await callAsPage(page, server, procedure, data);
    expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const monitors = [
    { type: 'http', name: 'Storefront', url: targets.url('/ok'), intervalSeconds: 5 },
    { type: 'http', name: 'Checkout API', url: targets.url('/down'), intervalSeconds: 5 },
    { type: 'http', name: 'Search API', url: targets.url('/slow'), intervalSeconds: 5 },
    { type: 'http', name: 'Admin panel', url: targets.url('/ok/admin'), keyword: 'levqor', intervalSeconds: 5 },
    { type: 'push', name: 'Nightly export', intervalSeconds: 3600 },
    { type: 'internal', name: 'Data disk', check: 'disk', minFreeMb: 0, intervalSeconds: 5 },
  ];
  for (const m of monitors) await call('guardian.addMonitor', m);
  await ingestRows(page, server, trafficRows(Date.now()));
  for (let i = 0; i < 3; i++) await call('workflows.run', { workflow: flaky, wait: true });
  await call('workflows.run', { workflow: gated, wait: true });
  await call('telemetry.detect', {});
  await call('guardian.check', {});
}

/** Rows stored through telemetry.ingest, a few batches (the API takes bodies up to 1 MB). */
export async function ingestRows(page: Page, server: LevqorServer, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_500) {
    const res = await callAsPage(page, server, 'telemetry.ingest', { body: rows.slice(i, i + 1_500).map((r) => JSON.stringify(r)).join('\n') });
    expect(res.ok(), await res.text()).toBe(true);
  }
}
