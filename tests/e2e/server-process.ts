import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { settingDefinitions } from '../../shared/settings';
import { secretDefinitions } from '../../shared/secrets';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const startTimeoutMs = 20_000;
const stopTimeoutMs = 5_000;
const firstLine = /^Levqor X is running at (http:\/\/\S+?\/)\?token=(\S+)$/;

export interface LevqorServer {
  /** The tokened link `levqor serve` printed: opening it logs the browser in. */
  accessUrl: string;
  /** `http://127.0.0.1:<port>/`, no token. */
  baseUrl: string;
  token: string;
  dataDir: string;
  /** What the server wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGTERM, then SIGKILL if it does not exit in time. */
  stop(): Promise<void>;
}

/** Environment variables the app reads: cleared so the developer's own shell cannot leak in. */
const appEnvNames = [
  ...Object.values(settingDefinitions).flatMap((d) => (d.env ? [d.env] : [])),
  ...Object.values(secretDefinitions).map((d) => d.env),
];

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of appEnvNames) delete env[name];
  // the getting-started guide would open on every empty data dir; tests/e2e/onboarding.spec.ts turns it back on
  return { ...env, LEVQOR_ONBOARDING_DONE: 'true', ...extra };
}

/** Spawns `node bin/levqor.js --data-dir <dir> serve --port 0` and waits for its first line. */
export function startLevqorServer(dataDir: string, env: Record<string, string> = {}): Promise<LevqorServer> {
  const child = spawn(process.execPath, ['bin/levqor.js', '--data-dir', dataDir, 'serve', '--port', '0'], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise<LevqorServer>((resolvePromise, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`levqor serve ${why}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${startTimeoutMs} ms`), startTimeoutMs);
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before printing its URL`));
    child.once('error', (err) => fail(`could not start: ${err.message}`));

    createInterface({ input: child.stdout }).once('line', (line) => {
      const match = firstLine.exec(line);
      if (!match) return fail(`printed an unexpected first line: ${JSON.stringify(line)}`);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.resume(); // keep draining stdout so the server never blocks on a full pipe
      const [, baseUrl, token] = match as unknown as [string, string, string];
      resolvePromise({
        accessUrl: `${baseUrl}?token=${token}`,
        baseUrl,
        token,
        dataDir,
        stderr: () => stderr,
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    child.once('exit', () => {
      clearTimeout(killTimer);
      done();
    });
    child.kill('SIGTERM');
  });
}
