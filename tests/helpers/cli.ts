import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const levqorBin = join(repoRoot, 'bin', 'levqor.js');

export function assertBuilt(): void {
  if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` before these tests (npm test does)');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `levqor` command in a child process. */
export function levqor(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [levqorBin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, LEVQOR_LAUNCH_STAGE: '', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The real `levqor` command as a running child (for tests that stop or kill it). */
export function levqorChild(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [levqorBin, ...args], { cwd: repoRoot, env: { ...process.env, LEVQOR_LAUNCH_STAGE: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The real `levqor` command without blocking this process (for tests whose servers answer from here). */
export function levqorAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = levqorChild(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

export interface ServeProcess {
  url: string;
  base: string;
  token: string;
  pid: number;
  stderr(): string;
  stop(): Promise<number | null>;
}

/** Starts `levqor serve --port 0` and resolves once it prints its link. */
export function startServe(dataDir: string, env: NodeJS.ProcessEnv = {}, extraArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [levqorBin, '--data-dir', dataDir, 'serve', '--port', '0', ...extraArgs], {
    cwd: repoRoot,
    env: { ...process.env, LEVQOR_LAUNCH_STAGE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const match = /^Levqor X is running at (http:\/\/\S+?\/)\?token=(\S+)$/.exec(line);
      if (!match) return reject(new Error(`unexpected first line: ${line}`));
      resolvePromise({
        url: `${match[1]}?token=${match[2]}`,
        base: match[1]!,
        token: match[2]!,
        pid: child.pid!,
        stderr: () => stderr,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`levqor serve exited (${code}) before printing its URL: ${stderr}`)));
  });
}

