import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CoreError } from '../../errors';

export interface ChildCall {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Kills the child when it has run this long. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Each line of standard output as it comes (restic's --json messages). */
  onLine?(line: string): void;
  /** Standard error as it comes (it is also kept, see ChildResult.stderr). */
  onStderr?(text: string): void;
  /** Fed to standard input, then closed (a password for `key add`, a dump for `--stdin`); otherwise stdin is empty. */
  stdin?: NodeJS.ReadableStream | string;
  /** The child's pid, once it runs (recorded so a later process can stop a restic that outlived a killed app). */
  onSpawn?(pid: number): void;
  /** How long a child asked to stop (SIGINT, so restic removes its lock) gets before SIGKILL; read when it is asked. */
  graceMs?: number | (() => number);
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Standard output, when no onLine took it. */
  stdout: string;
  /** Standard error, the last `keptStderrBytes` of it. */
  stderr: string;
}

/** Enough of restic's standard error to explain a failure (its warnings for unreadable files are one line each). */
export const keptStderrBytes = 256 * 1024;

/**
 * Runs a program to its end. Cancelling (the signal) and the timeout ask it to stop with
 * SIGINT first, the way Ctrl-C does, so restic can remove its lock and leave the repository
 * consistent; SIGKILL follows after `graceMs`. A cancelled call rejects with CANCELLED, a timed
 * out one with UNAVAILABLE; both carry the standard error seen so far in `stderr`.
 */
export function runChild(call: ChildCall): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    if (call.signal?.aborted) return reject(new ChildStopped('CANCELLED', 'cancelled before it started', ''));
    const child = spawn(call.command, call.args, { env: call.env, stdio: [call.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (child.pid !== undefined) call.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    let stopped: 'CANCELLED' | 'UNAVAILABLE' | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: 'CANCELLED' | 'UNAVAILABLE') => {
      if (stopped || child.exitCode !== null) return;
      stopped = why;
      child.kill('SIGINT');
      const grace = typeof call.graceMs === 'function' ? call.graceMs() : call.graceMs;
      killTimer = setTimeout(() => child.kill('SIGKILL'), grace ?? 15_000);
    };
    const timeout = setTimeout(() => stop('UNAVAILABLE'), call.timeoutMs);
    const onAbort = () => stop('CANCELLED');
    call.signal?.addEventListener('abort', onAbort, { once: true });

    const out = child.stdout!;
    if (call.onLine) createInterface({ input: out }).on('line', (line) => call.onLine?.(line));
    else out.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      call.onStderr?.(text);
      stderr += text;
      if (stderr.length > keptStderrBytes * 2) stderr = stderr.slice(-keptStderrBytes);
    });
    if (call.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => {}); // the child may exit before reading everything
      if (typeof call.stdin === 'string') child.stdin.end(call.stdin);
      else call.stdin.pipe(child.stdin);
    }

    let spawnError: Error | undefined;
    child.once('error', (err) => (spawnError = err));
    child.once('close', (code, signal) => {
      clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
      call.signal?.removeEventListener('abort', onAbort);
      const kept = stderr.slice(-keptStderrBytes);
      if (spawnError) return reject(new ChildStopped('UNAVAILABLE', `could not start ${call.command}: ${spawnError.message}`, kept));
      if (stopped === 'CANCELLED') return reject(new ChildStopped('CANCELLED', 'cancelled', kept));
      if (stopped === 'UNAVAILABLE') return reject(new ChildStopped('UNAVAILABLE', `did not finish within ${Math.round(call.timeoutMs / 1000)} s and was stopped`, kept));
      resolve({ code, signal, stdout, stderr: kept });
    });
  });
}

/** A child that was cancelled, timed out or could not start; `stderr` is what it said before. */
export class ChildStopped extends CoreError {
  constructor(
    code: 'CANCELLED' | 'UNAVAILABLE',
    message: string,
    readonly stderr: string,
  ) {
    super(code, message);
  }
}
