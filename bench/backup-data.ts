import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../src-main/core';
import { doubleAndLog } from '../tests/helpers/workflows/documents';
import { chunks, events } from './telemetry-data';

/** The env a bench core runs with: restic from PATH, products where the bench put them. */
export function benchEnv(productsDir: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LEVQOR_PRODUCTS_DIR: productsDir, LEVQOR_SECRET_KEY: 'b'.repeat(64), LEVQOR_LAUNCH_STAGE: 'post-launch' };
}

/** `n` telemetry events through the real ingest path, 10,000 a batch. */
export function ingestTelemetry(core: Core, n: number): void {
  for (const part of chunks(events(n, Date.now()), 10_000)) core.telemetry.ingestValues(part);
}

/** `n` durable workflow runs (manual → transform → log), 16 in flight, through the real engine. */
export async function makeRuns(core: Core, n: number): Promise<void> {
  const { id } = core.workflows.import(doubleAndLog);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) await core.workflows.run({ id, input: { n: next++ }, wait: true });
    }),
  );
}

/** `mb` MB of random bytes (restic can neither dedupe nor compress them) as 1 MB files in 10 folders. */
export function makeProducts(dir: string, mb: number): void {
  for (let i = 0; i < mb; i++) {
    const folder = join(dir, `product-${i % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `asset-${i}.bin`), randomBytes(1024 * 1024));
  }
}

/** A program run to its end; ms of wall time. Fails with its stderr when it exits non-zero. */
export async function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`);
  return performance.now() - started;
}
