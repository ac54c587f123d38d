import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupOperation, BackupProgress, ForgetResult } from '../../../shared/contract/backup';
import { command, readOptionalPositional, readPositionals, type CliContext, type Command } from '../command';
import { formatRows, megabytes } from '../format';
import { countOption, givenOnly, parseCountOption } from '../options';
import { procedureCommand } from '../procedure-command';
import { backupFileCommands } from './backup-files';
import { backupPlanCommands } from './backup-plan';

function when(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function operationLine(op: BackupOperation): string {
  const figures = [
    op.durationMs !== null ? `${(op.durationMs / 1000).toFixed(1)} s` : '',
    op.files !== null ? `${op.files} ${op.kind === 'forget' ? 'snapshots removed' : 'files'}` : '',
    op.bytes !== null ? megabytes(op.bytes) : '',
    op.bytesAdded !== null ? `${megabytes(op.bytesAdded)} added` : '',
    op.snapshotId ? `snapshot ${op.snapshotId}` : '',
  ].filter(Boolean);
  return `${when(op.startedAt)}  ${op.plan}  ${op.kind} ${op.status}${figures.length ? `  ${figures.join(', ')}` : ''}${op.error ? `  — ${op.error}` : ''}`;
}

const failed = (op: BackupOperation) => (op.status === 'succeeded' ? 0 : 1);

/** One rewritten line on a terminal's stderr: percent, files, bytes, time left. */
function progressLine(p: BackupProgress): string {
  const eta = p.secondsRemaining !== null ? `, ${p.secondsRemaining} s left` : '';
  const files = p.totalFiles !== null ? `${p.filesDone}/${p.totalFiles} files` : `${p.filesDone} files`;
  const bytes = p.totalBytes !== null ? `${megabytes(p.bytesDone)} of ${megabytes(p.totalBytes)}` : megabytes(p.bytesDone);
  return `\r${String(Math.floor(p.percent * 100)).padStart(3)}%  ${files}, ${bytes}${eta}   `;
}

/** Runs the backup in this process and waits: progress on a terminal, Ctrl-C cancels through the contract (restic unlocks). */
async function runAndWait(ctx: CliContext, plan: string): Promise<BackupOperation> {
  const events = ctx.core().events;
  const started = await ctx.call('backup.run', { plan, wait: false });
  const shows = !ctx.json && process.stderr.isTTY;
  const onInterrupt = () => void ctx.call('backup.cancel', { id: started.id }).catch(() => {});
  process.once('SIGINT', onInterrupt);
  try {
    let off = () => {};
    const ended = new Promise<BackupOperation>((resolve) => {
      off = events.subscribe((name, payload) => {
        if (name === 'backup.progress' && shows && (payload as BackupProgress).operationId === started.id) process.stderr.write(progressLine(payload as BackupProgress));
        if ((name === 'backup.succeeded' || name === 'backup.failed') && (payload as BackupOperation).id === started.id) resolve(payload as BackupOperation);
      });
    });
    // it may have ended (a source folder gone) before the subscription above
    const { log: _log, ...now } = await ctx.call('backup.operation', { id: started.id });
    const op = now.status === 'running' ? await ended : now;
    off();
    return op;
  } finally {
    process.off('SIGINT', onInterrupt);
    if (shows) process.stderr.write('\r\x1b[K');
  }
}

/**
 * Without --wait the backup runs in a detached `levqor backup run PLAN --wait`, so it outlives
 * this command; this waits only until that process has recorded its operation (or failed to start).
 */
async function runDetached(ctx: CliContext, plan: string): Promise<BackupOperation | { code: number; message: string }> {
  await ctx.call('backup.plan', { plan }); // an unknown plan is refused here, before anything starts
  const logs = join(ctx.dataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  const errFile = join(logs, `backup-run-${process.pid}.err`);
  const fd = openSync(errFile, 'w', 0o600);
  const since = Date.now();
  const child = spawn(process.execPath, [process.argv[1]!, '--data-dir', ctx.dataDir, 'backup', 'run', plan, '--wait'], { detached: true, stdio: ['ignore', 'ignore', fd], env: ctx.io.env });
  closeSync(fd);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? 1));
  child.unref();
  for (;;) {
    const [latest] = (await ctx.call('backup.history', { plan, limit: 1 })).operations;
    if (latest && latest.kind === 'backup' && latest.startedAt >= since - 1000) {
      rmSync(errFile, { force: true }); // started: what it says from now on goes to the history and the app's log
      return latest;
    }
    if (exited !== null) {
      const said = readFileSync(errFile, 'utf8').trim().replace(/^levqor: /, '');
      rmSync(errFile, { force: true });
      return { code: exited, message: said || `the backup process ended (${exited}) before it started` };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function forgetText(r: ForgetResult): string {
  const lines: string[] = [
    r.approval
      ? `Waiting for approval ${r.approval.id} (Class B, pre-launch): nothing is removed until it is approved (levqor approvals approve ${r.approval.id}). What it would do:`
      : r.dryRun
        ? 'Dry run: nothing was removed.'
        : `Forgot and pruned (${r.operation?.status ?? 'done'}).`,
  ];
  for (const g of r.groups) {
    lines.push(`${g.host ?? ''} ${g.paths.join(', ')}`.trim());
    for (const k of g.keep) lines.push(`  keep    ${k.snapshot.shortId}  ${when(k.snapshot.time)}  ${k.reasons.join(', ')}`);
    for (const s of g.remove) lines.push(`  ${r.dryRun ? 'would remove' : 'removed'}  ${s.shortId}  ${when(s.time)}`);
  }
  return lines.join('\n');
}

const runUsage = 'backup run PLAN [--wait]';

export const backupCommands: Command[] = [
  ...backupPlanCommands,
  procedureCommand('backup.initRepo', {
    usage: 'backup repo init PLAN',
    summary: 'Make the plan\u2019s restic repository when there is none yet.',
    positionals: { plan: 'PLAN' },
    show: (op) => `Made the repository of ${op.plan}.`,
  }),
  procedureCommand('backup.repoStatus', {
    usage: 'backup repo status PLAN',
    summary: 'Whether the plan\u2019s repository is there and opens with its password; snapshots and sizes.',
    positionals: { plan: 'PLAN' },
    show: (s) =>
      formatRows([
        ['Repository', s.repo],
        ['State', s.state === 'ready' ? 'ready' : 'not made yet (levqor backup repo init PLAN)'],
        ...(s.state === 'ready'
          ? ([
              ['Snapshots', String(s.snapshots)],
              ['Restore size', megabytes(s.restoreSize ?? 0)],
              ['Stored', megabytes(s.storedSize ?? 0)],
            ] as Array<[string, string]>)
          : []),
      ]),
  }),
  command({
    usage: runUsage,
    summary: 'Back a plan up now; with --wait this command shows progress and ends with the backup (Ctrl-C cancels), otherwise it runs in the background.',
    options: { wait: { type: 'boolean', description: 'stay until the backup ends, with a progress line' } },
    async run(ctx, args) {
      const [plan] = readPositionals(args, ['PLAN'], runUsage);
      if (args.values.wait !== true) {
        const op = await runDetached(ctx, plan);
        if ('code' in op) {
          ctx.io.err(`levqor: ${op.message}`);
          return op.code;
        }
        ctx.print(op, () => `Backing up ${plan} in the background (operation ${op.id}); levqor backup history ${plan} shows how it ends.`);
        return 0;
      }
      const op = await runAndWait(ctx, plan);
      ctx.print(op, () => operationLine(op));
      return failed(op);
    },
  }),
  procedureCommand('backup.snapshots', {
    usage: 'backup snapshots PLAN',
    summary: 'The plan\u2019s snapshots, newest first.',
    positionals: { plan: 'PLAN' },
    show: ({ snapshots }) => (snapshots.length === 0 ? 'No snapshots yet.' : formatRows(snapshots.map((s) => [s.shortId, `${when(s.time)}  ${s.paths.join(', ')}`]))),
  }),
  ...backupFileCommands,
  procedureCommand('backup.forget', {
    usage: 'backup forget PLAN [--dry-run]',
    summary: 'Apply the plan\u2019s retention policy (restic forget --prune; pre-launch it asks a Class B approval first and removes nothing until then); --dry-run shows what it would keep, why, and what it would remove.',
    positionals: { plan: 'PLAN' },
    options: { 'dry-run': { type: 'boolean', description: 'only show what the policy would keep and remove' } },
    input: ({ plan }, values) => ({ plan, dryRun: values['dry-run'] === true }),
    show: forgetText,
  }),
  procedureCommand('backup.check', {
    usage: 'backup check PLAN',
    summary: 'Check the plan\u2019s repository (restic check); exit 1 when it finds problems.',
    positionals: { plan: 'PLAN' },
    show: (op) => `${operationLine(op)}\n${op.log}`,
    exitCode: failed,
  }),
  command({
    usage: 'backup history [PLAN] [--limit N]',
    summary: 'Operations on backup repositories, newest first: started, status, duration, files, bytes, error.',
    options: { limit: countOption(50) },
    async run(ctx, args) {
      const plan = readOptionalPositional(args, 'backup history [PLAN] [--limit N]');
      const { operations } = await ctx.call('backup.history', givenOnly({ plan, limit: parseCountOption(args.values.limit, 'limit') }));
      ctx.print({ operations }, () => (operations.length === 0 ? 'No backup operations yet.' : operations.map(operationLine).join('\n')));
    },
  }),
];
