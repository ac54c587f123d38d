import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { CoreError } from '../errors';
import { ResticFailure } from './restic/failure';
import { findOnPath } from './restic/locate';
import { redact } from './restic/redact';
import type { BackupCall, BackupResult, Outcome, RepositoryAccess, Restic } from './restic/restic';

/** The file name the dump has inside its snapshot (`restic dump SNAPSHOT postgres.dump > file`, then pg_restore). */
export const dumpFilename = 'postgres.dump';

/** URL parameters libpq also reads from the environment; any other is refused rather than dropped. */
const parameterEnv: Record<string, string> = {
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  application_name: 'PGAPPNAME',
  options: 'PGOPTIONS',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  target_session_attrs: 'PGTARGETSESSIONATTRS',
};

const installHint = 'install the PostgreSQL client of the server\u2019s major version (Debian/Ubuntu: apt install postgresql-client-NN; macOS: brew install libpq) so pg_dump is on PATH';

/**
 * The remote's connection for pg_dump, every piece in libpq's environment variables (PGHOST,
 * PGUSER, PGPASSWORD…): nothing of it on pg_dump's command line, where `ps` would show it.
 */
export function pgDumpEnv(url: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CoreError('BAD_INPUT', 'database.url: is not a URL (expected postgres://user:password@host:port/database)', 'database.url');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new CoreError('BAD_INPUT', 'database.url: must start with postgres:// or postgresql://', 'database.url');
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!key.startsWith('PG') && value !== undefined) env[key] = value;
  const set = (key: string, value: string) => {
    if (value) env[key] = decodeURIComponent(value);
  };
  set('PGHOST', parsed.hostname.replace(/^\[|\]$/g, ''));
  set('PGPORT', parsed.port);
  set('PGUSER', parsed.username);
  set('PGPASSWORD', parsed.password);
  set('PGDATABASE', parsed.pathname.slice(1));
  for (const [name, value] of parsed.searchParams) {
    const key = parameterEnv[name];
    if (!key) throw new CoreError('BAD_INPUT', `database.url: the parameter ${name} cannot be handed to pg_dump (it takes ${Object.keys(parameterEnv).join(', ')})`, 'database.url');
    env[key] = value;
  }
  return env;
}

/** pg_dump's own words for a failure, turned into the founder's: too old for the server, refused, unreachable. */
function dumpFailure(code: number | null, stderr: string, clean: (t: string) => string): CoreError {
  const mismatch = /server version: ([\d.]+\S*); pg_dump version: ([\d.]+\S*)/.exec(stderr);
  if (mismatch) {
    return new ResticFailure('UNAVAILABLE', `pg_dump ${mismatch[2]} is older than the remote Postgres server (${mismatch[1]}): pg_dump must be the server\u2019s major version or newer; ${installHint}`, clean(stderr));
  }
  const reason = stderr.split('\n').map((l) => l.replace(/^pg_dump: (error: )?/, '').trim()).filter(Boolean).at(0) ?? `it exited with code ${code}`;
  return new ResticFailure('UNAVAILABLE', `pg_dump could not dump the remote Postgres (database.url): ${clean(reason)}`, clean(stderr));
}

export interface PostgresBackup extends Omit<BackupCall, 'paths' | 'stdin'> {
  restic: Restic;
  access: RepositoryAccess;
  /** The remote's connection URL (secret database.url). */
  url: string;
  env: NodeJS.ProcessEnv;
}

/**
 * `pg_dump --format=custom` streamed into `restic backup --stdin` (nothing written to disk).
 * restic reads until pg_dump's output ends, so the end is held back until pg_dump has exited:
 * when it fails, restic is stopped first and makes no snapshot of a partial dump.
 */
export async function backupPostgres(call: PostgresBackup): Promise<Outcome<BackupResult>> {
  const { restic, access, url, env, signal, ...rest } = call;
  const dumpEnv = pgDumpEnv(url, env);
  const program = findOnPath(env, 'pg_dump');
  if (!program) throw new CoreError('UNAVAILABLE', `pg_dump is not installed (the remote Postgres source needs it): ${installHint}`);
  const password = new URL(url).password;
  const clean = (t: string) => redact(t, [url, ...(password ? [decodeURIComponent(password)] : [])]);

  const stopRestic = new AbortController();
  const onAbort = () => stopRestic.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const dump = spawn(program, ['--format=custom', '--no-password'], { env: dumpEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  dump.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-64 * 1024)));
  const gated = new PassThrough();
  dump.stdout.pipe(gated, { end: false });
  const dumped = new Promise<CoreError | undefined>((resolve) => {
    dump.once('error', (err) => resolve(new CoreError('UNAVAILABLE', `could not start pg_dump at ${program} (${err.message}); ${installHint}`)));
    dump.once('close', (code) => resolve(code === 0 ? undefined : dumpFailure(code, stderr, clean)));
  });
  let dumpFailed: CoreError | undefined;
  void dumped.then((failure) => {
    dumpFailed = failure;
    if (failure) stopRestic.abort();
    else gated.end();
  });
  try {
    const backedUp = restic.backup(access, { ...rest, paths: [], stdin: { stream: gated, filename: dumpFilename }, signal: stopRestic.signal });
    // restic stopped because pg_dump failed: pg_dump's reason; restic failed on its own (or was cancelled): restic's
    const result = await backedUp.catch((err: unknown) => {
      throw dumpFailed && !signal?.aborted ? dumpFailed : err;
    });
    const failure = await dumped;
    if (failure) throw failure;
    return { value: result.value, log: [clean(stderr).trim(), result.log].filter(Boolean).join('\n') };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (dump.exitCode === null) dump.kill('SIGTERM');
  }
}
