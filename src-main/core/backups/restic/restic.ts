import type { z } from 'zod';
import type { RetentionPolicy } from '../../../../shared/backup';
import { CoreError } from '../../errors';
import { resticFailure, ResticFailure } from './failure';
import type { ResticBinary } from './locate';
import {
  backupMessageSchema,
  forgetOutputSchema,
  lockSchema,
  lsLineSchema,
  parseLine,
  snapshotListSchema,
  statsSchema,
  type BackupStatus,
  type BackupSummary,
  type ForgetGroup,
  type LsNode,
  type ResticLock,
  type ResticSnapshot,
  type ResticStats,
} from './messages';
import { redact } from './redact';
import { retentionArgs } from './retention-args';
import { ChildStopped, runChild } from './spawn';
import { UnreachableWatch } from './unreachable';

/** A repository and the password that opens it. */
export interface RepositoryAccess {
  repository: string;
  password: string;
  /** Global restic options for this repository (e.g. `-o sftp.command=…`); never a password. */
  options?: readonly string[];
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Default: 2 minutes for reads, 12 hours for backup, restore, check and prune. */
  timeoutMs?: number;
  /** Told restic's pid as it starts. */
  onSpawn?(pid: number): void;
  /** How long restic, asked to stop, may take to remove its lock before it is killed (default 15 s). */
  stopGraceMs?: () => number;
}

/** What a call gave, and restic's standard error (credentials taken out) for the operation's log. */
export interface Outcome<T> {
  value: T;
  log: string;
}

export interface BackupCall extends CallOptions {
  paths: readonly string[];
  /** Back up this stream as one file of that name (`--stdin --stdin-filename`) instead of `paths`. */
  stdin?: { stream: NodeJS.ReadableStream; filename: string };
  excludes?: readonly string[];
  tags?: readonly string[];
  /** Each progress line as restic reports it. */
  onStatus?(status: BackupStatus): void;
  /** Stop the backup once restic has retried an unanswering repository this long (default 10 minutes). */
  unreachableAfterMs?: number;
}

export interface BackupResult {
  summary: BackupSummary;
  /** Files restic could not read (it made the snapshot without them; exit code 3). */
  unreadable: string[];
}

export interface ForgetCall extends CallOptions {
  policy: RetentionPolicy;
  dryRun: boolean;
  /** Remove the data no snapshot refers to any more (not with dryRun). */
  prune?: boolean;
  tags?: readonly string[];
}

export interface CheckResult {
  ok: boolean;
  /** restic's report (standard output and error), credentials taken out. */
  report: string;
}

const quick = 120_000;

/** Whether an argument is the password or holds it (a short one is matched whole: it may be part of any path). */
function carriesPassword(argv: readonly string[], password: string): boolean {
  if (password.length === 0) return false;
  return argv.some((a) => a === password || a.endsWith(`=${password}`) || (password.length >= 8 && a.includes(password)));
}

/** forget's JSON is one line; with --prune, prune's text report follows it on standard output. */
function forgetJson(stdout: string): string {
  return stdout.split('\n').find((line) => line.startsWith('[')) ?? '[]';
}
const long = 12 * 3_600_000;

/**
 * The one way the app runs restic. The repository and its password reach the child only
 * through its environment (RESTIC_REPOSITORY, RESTIC_PASSWORD), never its arguments, and any
 * RESTIC_* variable of the app's own environment is left out so it cannot override them.
 * Every call has a timeout and may be cancelled; a failure is a ResticFailure that names the
 * field at fault where there is one, and carries restic's standard error.
 */
export class Restic {
  constructor(
    readonly binary: ResticBinary,
    private readonly baseEnv: NodeJS.ProcessEnv,
    /** restic's cache (under the data dir, so the app's runs do not fill the user's ~/.cache). */
    private readonly cacheDir?: string,
  ) {}

  get version(): string {
    return this.binary.version;
  }

  /** Makes a new repository; CONFLICT when one is already there. */
  async init(repo: RepositoryAccess, options: CallOptions = {}): Promise<Outcome<void>> {
    const { log } = await this.call(repo, ['init'], options);
    return { value: undefined, log };
  }

  /** Whether a repository is there and the password opens it: `missing` when there is none yet; a wrong password throws (field password). */
  async probe(repo: RepositoryAccess, options: CallOptions = {}): Promise<'ready' | 'missing'> {
    try {
      await this.call(repo, ['cat', 'config'], options);
      return 'ready';
    } catch (err) {
      if (err instanceof ResticFailure && err.code === 'NOT_FOUND') return 'missing';
      throw err;
    }
  }

  async backup(repo: RepositoryAccess, call: BackupCall): Promise<Outcome<BackupResult>> {
    const what = call.stdin ? ['--stdin', '--stdin-filename', call.stdin.filename] : ['--', ...call.paths];
    const args = ['backup', '--json', ...(call.excludes ?? []).flatMap((e) => ['--exclude', e]), ...(call.tags ?? []).flatMap((t) => ['--tag', t]), ...what];
    let summary: BackupSummary | undefined;
    const unreadable: string[] = [];
    const watch = new UnreachableWatch(call.unreachableAfterMs ?? 10 * 60_000, call.signal);
    // a repository that does not answer will not let restic remove its lock either: no long wait for it
    const outcome = this.call(repo, args, { timeoutMs: long, ...call, signal: watch.signal, stopGraceMs: () => (watch.fired ? 2_000 : 15_000) }, {
      okCodes: [0, 3],
      ...(call.stdin ? { stdin: call.stdin.stream } : {}),
      onStderr: (text) => watch.stderr(text),
      onLine: (line) => {
        const message = parseLine(backupMessageSchema, line);
        if (message?.message_type === 'status') {
          watch.progress(message.bytes_done ?? 0);
          call.onStatus?.(message);
        } else if (message?.message_type === 'summary') summary = message;
        else if (message?.message_type === 'error' && message.item) unreadable.push(message.item);
      },
    });
    const { log } = await outcome.catch((err: unknown) => {
      throw watch.fired && err instanceof ResticFailure ? new ResticFailure('UNAVAILABLE', watch.reason(), err.log) : err;
    });
    if (!summary) throw new ResticFailure('UNAVAILABLE', 'restic backup ended without its summary line (no snapshot was reported)', log);
    return { value: { summary, unreadable }, log };
  }

  async snapshots(repo: RepositoryAccess, options: CallOptions & { tags?: readonly string[] } = {}): Promise<Outcome<ResticSnapshot[]>> {
    const tagArgs = (options.tags ?? []).flatMap((t) => ['--tag', t]);
    return this.json(repo, ['snapshots', '--json', ...tagArgs], snapshotListSchema, options);
  }

  /** `forget` under a policy, grouped as restic groups (host and paths); with dryRun nothing is removed. */
  async forget(repo: RepositoryAccess, call: ForgetCall): Promise<Outcome<ForgetGroup[]>> {
    // a dry run reads only, so it takes no lock: it may look while a backup runs, and two looks do not collide
    const args = ['forget', '--json', ...retentionArgs(call.policy), ...(call.tags ?? []).flatMap((t) => ['--tag', t]), ...(call.dryRun ? ['--dry-run', '--no-lock'] : call.prune ? ['--prune'] : [])];
    return this.json(repo, args, forgetOutputSchema, { timeoutMs: call.prune && !call.dryRun ? long : quick, ...call }, forgetJson);
  }

  /** The entries of a snapshot (under `path` when given), as restic lists them. */
  async ls(repo: RepositoryAccess, snapshotId: string, options: CallOptions & { path?: string } = {}): Promise<Outcome<{ snapshot: ResticSnapshot; nodes: LsNode[] }>> {
    let snapshot: ResticSnapshot | undefined;
    const nodes: LsNode[] = [];
    const { log } = await this.call(repo, ['ls', '--json', '--', snapshotId, ...(options.path ? [options.path] : [])], options, {
      onLine: (line) => {
        const entry = parseLine(lsLineSchema, line);
        if (entry?.struct_type === 'snapshot') snapshot = entry;
        else if (entry?.struct_type === 'node') nodes.push(entry);
      },
    });
    if (!snapshot) throw new ResticFailure('NOT_FOUND', `snapshot: there is no snapshot ${snapshotId} in this repository`, log, 'snapshot');
    return { value: { snapshot, nodes }, log };
  }

  async stats(repo: RepositoryAccess, options: CallOptions & { mode?: 'restore-size' | 'raw-data' } = {}): Promise<Outcome<ResticStats>> {
    return this.json(repo, ['stats', '--json', '--mode', options.mode ?? 'restore-size'], statsSchema, options);
  }

  /** `restic check`; errors it finds are a result (ok false), not a throw. restic 0.14 has no JSON here, so its report is kept as text. */
  async check(repo: RepositoryAccess, options: CallOptions & { readDataSubset?: string } = {}): Promise<Outcome<CheckResult>> {
    const args = ['check', ...(options.readDataSubset ? [`--read-data-subset=${options.readDataSubset}`] : [])];
    const result = await this.call(repo, args, { timeoutMs: long, ...options }, { okCodes: [0, 1], keepStdout: true });
    const report = `${result.stdout}${result.log}`.trim();
    // a repository it could not open is a failure to check, not a check that found damage
    if (result.code !== 0 && (!/error/i.test(report) || /wrong password|unable to open config|Is there a repository|repository is already locked|unable to create lock/i.test(result.stderr))) {
      throw resticFailure('check', result.code, result.stderr, repo.repository, (t) => redact(t, [repo.password], repo.repository));
    }
    return { value: { ok: result.code === 0, report }, log: result.log };
  }

  /**
   * Restores what `include` matches of a snapshot (all of it without) under `target`, which
   * restic makes, keeping each file's full path there; `verify` reads every restored file back
   * against the repository. restic 0.14 prints no JSON here, only a line naming the snapshot and
   * the target, kept with the log; the caller counts what arrived.
   */
  async restore(repo: RepositoryAccess, snapshotId: string, call: CallOptions & { target: string; include?: readonly string[]; verify?: boolean }): Promise<Outcome<void>> {
    const args = ['restore', '--target', call.target, ...(call.include ?? []).flatMap((p) => ['--include', p]), ...(call.verify ? ['--verify'] : []), '--', snapshotId];
    const result = await this.call(repo, args, { timeoutMs: long, ...call }, { keepStdout: true });
    return { value: undefined, log: `${result.stdout}${result.log}`.trim() };
  }

  /** The repository's locks and who holds each, read without taking a lock (a stale exclusive one would refuse it). */
  async locks(repo: RepositoryAccess, options: CallOptions = {}): Promise<Outcome<Array<ResticLock & { id: string }>>> {
    const listed = await this.call(repo, ['list', 'locks', '--no-lock'], options, { keepStdout: true });
    const locks: Array<ResticLock & { id: string }> = [];
    for (const id of listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean)) {
      try {
        locks.push({ id, ...(await this.json(repo, ['cat', 'lock', id, '--no-lock'], lockSchema, options)).value });
      } catch (err) {
        // removed by its restic between the list and the read
        if (!(err instanceof ResticFailure && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return { value: locks, log: listed.log };
  }

  /** Removes the locks restic left behind when it was killed (`unlock` removes stale locks only). */
  async unlock(repo: RepositoryAccess, options: CallOptions = {}): Promise<Outcome<void>> {
    const { log } = await this.call(repo, ['unlock'], options);
    return { value: undefined, log };
  }

  private async json<T extends z.ZodType>(repo: RepositoryAccess, args: string[], schema: T, options: CallOptions, prepare: (text: string) => string = (t) => t): Promise<Outcome<z.output<T>>> {
    const result = await this.call(repo, args, options, { keepStdout: true });
    let value: unknown;
    try {
      value = JSON.parse(prepare(result.stdout));
    } catch {
      throw new ResticFailure('INTERNAL', `restic ${args[0]} --json did not print JSON`, result.log);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new ResticFailure('INTERNAL', `restic ${args[0]} --json printed a shape the app does not read (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`, result.log);
    return { value: parsed.data, log: result.log };
  }

  /** Runs `restic <args>` against `repo`; rejects with a ResticFailure unless its exit code is one of okCodes (default 0). */
  private async call(
    repo: RepositoryAccess,
    args: readonly string[],
    options: CallOptions,
    how: { okCodes?: number[]; onLine?(line: string): void; onStderr?(text: string): void; keepStdout?: boolean; stdin?: NodeJS.ReadableStream } = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string; log: string }> {
    const clean = (text: string) => redact(text, [repo.password], repo.repository);
    const argv = [...(this.cacheDir ? ['--cache-dir', this.cacheDir] : []), ...(repo.options ?? []), ...args];
    if (carriesPassword(argv, repo.password)) {
      throw new CoreError('INTERNAL', 'refused to start restic: an argument would carry the repository password');
    }
    let result;
    try {
      result = await runChild({
        command: this.binary.path,
        args: argv,
        env: this.childEnv(repo),
        timeoutMs: options.timeoutMs ?? quick,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
        ...(options.stopGraceMs ? { graceMs: options.stopGraceMs } : {}),
        ...(how.onLine ? { onLine: how.onLine } : {}),
        ...(how.stdin ? { stdin: how.stdin } : {}),
        ...(how.onStderr ? { onStderr: how.onStderr } : {}),
      });
    } catch (err) {
      if (err instanceof ChildStopped) throw new ResticFailure(err.code, `restic ${args[0]} ${err.message}`, clean(err.stderr));
      throw err;
    }
    if (!(how.okCodes ?? [0]).includes(result.code ?? -1)) throw resticFailure(args[0] ?? '', result.code, result.stderr, repo.repository, clean);
    return { code: result.code, stdout: how.keepStdout ? clean(result.stdout) : '', stderr: result.stderr, log: clean(result.stderr) };
  }

  private childEnv(repo: RepositoryAccess): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(this.baseEnv)) if (!key.startsWith('RESTIC_') && value !== undefined) env[key] = value;
    env.RESTIC_REPOSITORY = repo.repository;
    env.RESTIC_PASSWORD = repo.password;
    // status lines a few times a second, for the progress bar (restic's default off a terminal is one a minute)
    env.RESTIC_PROGRESS_FPS = '4';
    return env;
  }
}
