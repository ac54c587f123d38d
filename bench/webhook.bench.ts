import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { levqorBin, repoRoot } from '../tests/helpers/cli';
import { percentile, rssMb, type Report } from './measure';

/**
 * Speed over HTTP: `webhook → transform → log` (respond onFinish, every execution
 * persisted) on `levqor serve`, driven from this process on loopback at concurrency 1 and 10,
 * beside a bare node:http server answering JSON under the same load loop.
 *
 * BENCH_WEBHOOK_REQUESTS sets the count (default 2000); BENCH_WEBHOOK_PROFILE=DIR runs the
 * server under `node --cpu-prof --cpu-prof-dir DIR`; BENCH_WEBHOOK_NODE_FLAGS adds node flags
 * (space-separated, such as `--trace-gc`) to the server.
 */
/** The bench's workflow; `respond` is the webhook's response mode. */
export const benchWorkflow = (respond: 'onFinish' | 'immediately' = 'onFinish') => ({
  name: 'Bench: webhook → transform → log',
  trigger: { type: 'webhook', path: 'bench-order', respond },
  nodes: [
    { id: 'calc', type: 'transform', params: { expression: "{ 'order': trigger.body.id, 'total': trigger.body.qty * trigger.body.price }" } },
    { id: 'say', type: 'log', params: { message: 'order {{ steps.calc.output.order }}: {{ steps.calc.output.total }}' } },
  ],
  edges: [{ from: 'calc', to: 'say' }],
});

const plainServer = `
const http = require('node:http');
const s = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const text = JSON.stringify({ runId: 'x', status: 'succeeded', output: { order: body.id, total: body.qty * body.price } });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
});
s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/'));`;

export interface Target {
  child: ChildProcess;
  /** where to POST, with its secret in the query */
  url: URL;
  headers: Record<string, string>;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before printing its URL`)));
  });
}

export async function startLevqor(dataDir: string, workflow = benchWorkflow()): Promise<Target> {
  const profileDir = process.env.BENCH_WEBHOOK_PROFILE;
  const flags = (process.env.BENCH_WEBHOOK_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), levqorBin, '--data-dir', dataDir, 'serve', '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LEVQOR_LAUNCH_STAGE: 'post-launch' },
  });
  const line = await firstLine(child);
  const [, base, token] = /at (\S+?\/)\?token=(\S+)/.exec(line) ?? [];
  if (!base || !token) throw new Error(`unexpected first line: ${line}`);
  const api = async (name: string, input: unknown) => {
    const res = await fetch(`${base}api/${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    if (!res.ok) throw new Error(`${name} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const { id } = (await api('workflows.import', { workflow })) as { id: string };
  const { webhook } = (await api('workflows.get', { id })) as { webhook: { url: string; secret: string } };
  return { child, url: new URL(webhook.url.replace(/^\//, ''), base), headers: { 'x-levqor-secret': webhook.secret } };
}

async function startPlain(): Promise<Target> {
  const child = spawn(process.execPath, ['-e', plainServer], { stdio: ['ignore', 'pipe', 'inherit'] });
  return { child, url: new URL(await firstLine(child)), headers: {} };
}

interface Load {
  rate: number;
  p50: number;
  p95: number;
  failed: number;
}

/** `total` POSTs from `concurrency` loops over keep-alive connections; a bounded count, so it ends by itself. */
async function load(target: Target, total: number, concurrency: number): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const once = (i: number) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ id: i, qty: 2, price: 9.5 });
      const req = request(
        target.url,
        { method: 'POST', agent, headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const status = await once(i).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status !== 200) failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rate: total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), failed };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function webhookThroughput(report: Report): Promise<void> {
  const total = Number(process.env.BENCH_WEBHOOK_REQUESTS ?? 2000);
  const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-hook-'));
  const ours = await startLevqor(dataDir);
  const plain = await startPlain();
  try {
    // warm-up: JIT, prepared statements, connection pools
    await load(ours, 300, 10);
    await load(plain, 300, 10);
    for (const concurrency of [1, 10]) {
      const a = await load(ours, total, concurrency);
      const b = await load(plain, total, concurrency);
      if (a.failed > 0) console.log(`(${a.failed} of ${total} webhook calls did not answer 200)`);
      report({
        name: `webhook → transform → log on levqor serve, ${total} requests at concurrency ${concurrency}`,
        value: a.rate,
        unit: 'exec/s',
        reference: { name: 'bare node:http JSON server, same load', value: b.rate },
        ...(concurrency === 10 ? { target: '≥ 800 exec/s' } : {}),
        higherIsBetter: true,
      });
      report({ name: `  latency p50 at concurrency ${concurrency}`, value: a.p50, unit: 'ms', reference: { name: 'bare node:http', value: b.p50 } });
      report({ name: `  latency p95 at concurrency ${concurrency}`, value: a.p95, unit: 'ms', reference: { name: 'bare node:http', value: b.p95 } });
    }
    report({ name: 'levqor serve RSS after the load', value: rssMb(ours.child.pid!), unit: 'MB', reference: { name: 'bare node:http server', value: rssMb(plain.child.pid!) } });
  } finally {
    await Promise.all([stop(ours.child), stop(plain.child)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
