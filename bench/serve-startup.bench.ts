import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { levqorBin, repoRoot } from '../tests/helpers/cli';
import { median, rssMb, type Report } from './measure';

/** Starts a command, waits for its first stdout line (the URL), then for the first answered call. */
async function timeToFirstAnswer(args: string[], answer: (line: string) => { url: string; init: RequestInit }): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LEVQOR_LAUNCH_STAGE: '' } });
  try {
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const { url, init } = answer(line);
    const res = await fetch(url, init);
    if (!res.ok) throw new Error(`first call answered ${res.status}`);
    await res.arrayBuffer();
    const ms = performance.now() - started;
    return { ms, rss: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
  }
}

const plainServer = `
const http = require('node:http');
const s = http.createServer((req, res) => { res.setHeader('content-type', 'application/json'); res.end('{}'); });
s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port + '/'));`;

export async function serveStartup(report: Report): Promise<void> {
  const runs = 5;
  const ours: number[] = [];
  const plain: number[] = [];
  let rss = 0;
  let plainRss = 0;
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'levqor-bench-'));
    const a = await timeToFirstAnswer([levqorBin, '--data-dir', dataDir, 'serve', '--port', '0'], (line) => {
      const [, base, token] = /at (\S+?\/)\?token=(\S+)/.exec(line)!;
      return { url: `${base}api/app.info`, init: { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } } };
    });
    ours.push(a.ms);
    rss = a.rss;
    rmSync(dataDir, { recursive: true, force: true });
    const b = await timeToFirstAnswer(['-e', plainServer], (line) => ({ url: line, init: {} }));
    plain.push(b.ms);
    plainRss = b.rss;
  }
  report({
    name: 'levqor serve: start to first answered API call (empty data dir, median of 5)',
    value: median(ours),
    unit: 'ms',
    reference: { name: 'bare node:http server start to first answer', value: median(plain) },
    target: '≤ 1000 ms',
  });
  report({ name: 'levqor serve: RSS after the first call', value: rss, unit: 'MB', reference: { name: 'bare node:http server', value: plainRss } });
}
