import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { levqorChild } from '../cli';

// kept apart from fleet.ts, which loads the core: a Playwright spec spawns workers without it
/** A worker process spawned from out/, resolved once it printed its start line. */
export interface WorkerProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  startLine: string;
  output(): string;
  exited: Promise<number | null>;
}

export function spawnWorker(url: string, extra: string[] = []): Promise<WorkerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'levqor-worker-'));
  const child = levqorChild(['--data-dir', dir, 'worker', '--database-url', url, '--concurrency', '2', '--lease', '2s', '--poll', '500ms', '--grace', '3s', ...extra], { LEVQOR_SECRET_KEY: 'c'.repeat(64) });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    out += `\n(exited with ${code})`;
    rmSync(dir, { recursive: true, force: true });
    resolve(code);
  }));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('levqor worker '));
      if (line) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (more: Buffer) => (out += more.toString()));
        resolve({ child, startLine: line, output: () => out, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`the worker exited (${code}) before starting: ${out}`)));
  });
}
