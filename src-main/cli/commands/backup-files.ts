import { resolve } from 'node:path';
import { LevqorError } from '../../../shared/contract';
import type { SnapshotEntry } from '../../../shared/contract/backup';
import { liveDataHolder } from '../../core';
import { CliUsageError, command, noExtraPositionals, requirePositional, type CliContext, type Command, type OptionSpec } from '../command';
import { formatRows, megabytes } from '../format';
import { textOption } from '../options';

const lsUsage = 'backup ls PLAN SNAPSHOT [PATH]';
const restoreUsage = 'backup restore PLAN SNAPSHOT (--target DIR [--include PATH] | --app)';

/** What the founder typed for each input field, so a refusal names it. */
const wordFor: Record<string, string> = { plan: 'PLAN', snapshot: 'SNAPSHOT', path: 'PATH', target: '--target', include: '--include' };

/** Runs `call`, a refusal of one field re-worded under the name typed for it. */
async function inTypedWords<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const word = err instanceof LevqorError && err.field !== undefined ? wordFor[err.field] : undefined;
    if (err instanceof LevqorError && word && err.code === 'BAD_INPUT') throw new CliUsageError(err.message.replace(`${err.field}:`, `${word}:`));
    throw err;
  }
}

function entryLine(e: SnapshotEntry): [string, string] {
  const when = e.mtime === null ? '' : new Date(e.mtime).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return [e.type === 'dir' ? `${e.path}/` : e.path, `${e.type === 'file' && e.size !== null ? megabytes(e.size) : e.type}  ${when}`.trim()];
}

const restoreOptions: Record<string, OptionSpec> = {
  target: { type: 'string', description: 'the folder to restore into: new or empty, not inside a plan\u2019s sources or the app\u2019s data folder (its restores folder aside)' },
  include: { type: 'string', description: 'only this path of the snapshot and what is under it (as levqor backup ls shows it)' },
  app: { type: 'boolean', description: 'restore the app\u2019s own data in place (a plan with the app source): asks a Class C approval; the live data is backed up first and the app restarts' },
};

/** `--app`: the request for the Class C approval, and how to give it. */
async function requestAppRestore(ctx: CliContext, plan: string, snapshot: string): Promise<void> {
  const approval = await inTypedWords(() => ctx.call('backup.restoreApp', { plan, snapshot }));
  const running = liveDataHolder(ctx.dataDir);
  const where = running ? `approve it in the running app (${running.what}, pid ${running.pid}): its Approvals area, or levqor approvals approve ${approval.id} once it has stopped` : `approve it with: levqor approvals approve ${approval.id}`;
  ctx.print(approval, () => `Approval ${approval.id} requested (class C): ${approval.message}.\nNothing changes until it is approved; ${where}`);
}

export const backupFileCommands: Command[] = [
  command({
    usage: lsUsage,
    summary: 'The files of a snapshot: under PATH one level, otherwise the whole tree.',
    async run(ctx, args) {
      const plan = requirePositional(args, 0, 'PLAN', lsUsage);
      const snapshot = requirePositional(args, 1, 'SNAPSHOT', lsUsage);
      const path = args.positionals[2];
      noExtraPositionals(args, 3, lsUsage);
      const listed = await inTypedWords(() => ctx.call('backup.ls', { plan, snapshot, ...(path !== undefined ? { path } : {}) }));
      ctx.print(listed, () => (listed.entries.length === 0 ? `Nothing under ${path ?? '/'} in snapshot ${listed.snapshot.shortId}.` : formatRows(listed.entries.map(entryLine))));
    },
  }),
  command({
    usage: restoreUsage,
    summary: 'Restore a snapshot (or only --include PATH) into a new or empty folder that holds no live data; with --app, ask to restore the app\u2019s own data in place (a Class C approval).',
    options: restoreOptions,
    async run(ctx, args) {
      const plan = requirePositional(args, 0, 'PLAN', restoreUsage);
      const snapshot = requirePositional(args, 1, 'SNAPSHOT', restoreUsage);
      noExtraPositionals(args, 2, restoreUsage);
      const target = textOption(args.values.target);
      const include = textOption(args.values.include);
      if (args.values.app === true) {
        if (target !== undefined) throw new CliUsageError('--app: cannot be used with --target (--app restores the app\u2019s own data in place; --target restores files into a folder)');
        if (include !== undefined) throw new CliUsageError('--app: cannot be used with --include (the app\u2019s data is restored whole)');
        return requestAppRestore(ctx, plan, snapshot);
      }
      if (target === undefined) throw new CliUsageError(`--target: is required: the folder to restore into, or --app for the app\u2019s own data (usage: levqor ${restoreUsage})`);
      const done = await inTypedWords(() => ctx.call('backup.restore', { plan, snapshot, target: resolve(target), ...(include !== undefined ? { include } : {}) }));
      ctx.print(done, () => `Restored ${done.files} files (${megabytes(done.bytes)}) of snapshot ${done.operation.snapshotId?.slice(0, 8) ?? snapshot} into ${done.target}.`);
      return done.operation.status === 'succeeded' ? 0 : 1;
    },
  }),
];
