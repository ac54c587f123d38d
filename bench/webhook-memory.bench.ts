import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { benchWorkflow, startLevqor, stop, type Target } from './webhook.bench';
import { rssMb, type Report } from './measure';

/**
 * Memory under sustained load: `webhook → transform → log` on `levqor serve` for
 * BENCH_WEBHOOK_SECONDS (default 60) at concurrency 10, once per response mode, each on a fresh
 * server. Prints the server's peak RSS against 150 MB, accepted requests per second, and the
 * executions saved against the requests answered 2xx (every one must become a run that ends).
 * A 429 is honoured the way a polite client would: that loop waits its Retry-After.
 */
const concurrency = 10;

interface Sustained {
  accepted: number;
  refused: number;
  failed: number;
  seconds: number;
  peakRssMb: number;
}

async function sustain(target: Target, seconds: number): Promise<Sustained> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const pid = target.child.pid!;
  let peakRssMb = rssMb(pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 100);
  const counts = { accepted: 0, refused: 0, failed: 0 };
  const once = (i: number) =>
    new Promise<{ status: number; retryAfter: number }>((resolve, reject) => {
      const body = JSON.stringify({ id: i, qty: 2, price: 9.5 });
      const req = request(target.url, { method: 'POST', agent, headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.once('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 1) }));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(body);
    });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const answer = await once(next++).catch(() => ({ status: 0, retryAfter: 0 }));
        if (answer.status >= 200 && answer.status < 300) counts.accepted++;
        else if (answer.status === 429) {
          counts.refused++;
          await sleep(answer.retryAfter * 1000);
        } else counts.failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  return { ...counts, seconds: elapsed, peakRssMb };
}

/** Waits for every saved run to end (queued runs drain after the load), then counts the succeeded ones. */
async function savedExecutions(dataDir: string): Promise<{ succeeded: number; other: number }> {
  const db = new Database(join(dataDir, 'levqor.db'), { readonly: true, fileMustExist: true });
  try {
    const count = () => db.prepare("SELECT SUM(status = 'succeeded') AS ok, SUM(status IN ('queued', 'running', 'waiting')) AS open, COUNT(*) AS n FROM runs").get() as { ok: number; open: number; n: number };
    const until = Date.now() + 120_000;
    let now = count();
    while (now.open > 0 && Date.now() < until) {
      await sleep(200);
      now = count();
    }
    return { succeeded: now.ok, other: now.n - now.ok };
  } finally {
    db.close();
  }
}

export async function webhookMemory(report: Report): Promise<void> {
  const seconds = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 60);
  for (const respond of ['immediately', 'onFinish'] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-hook-memory-'));
    const server = await startLevqor(dataDir, benchWorkflow(respond));
    try {
      const load = await sustain(server, seconds);
      const saved = await savedExecutions(dataDir);
      const label = `respond ${respond}, ${seconds} s at concurrency ${concurrency}`;
      report({ name: `levqor serve peak RSS, ${label}`, value: load.peakRssMb, unit: 'MB', target: '≤ 150 MB' });
      report({ name: `  requests answered 2xx per second, ${label}`, value: load.accepted / load.seconds, unit: 'req/s', higherIsBetter: true });
      report({ name: `  executions saved and succeeded, ${label}`, value: saved.succeeded, unit: 'runs', reference: { name: 'requests answered 2xx', value: load.accepted }, higherIsBetter: true });
      if (load.refused + load.failed + saved.other > 0) console.log(`  (${load.refused} answered 429, ${load.failed} failed, ${saved.other} saved runs did not succeed)`);
    } finally {
      await stop(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
