import type { RunSummary } from '../../../shared/contract/workflows';
import { runStatusSchema } from '../../../shared/workflow';
import { command, CliUsageError, noExtraPositionals, requirePositional, type Command } from '../command';
import { formatRows } from '../format';
import { parseCountOption, parseTimeOption } from '../json-input';
import { describeRun, printRunAndSettle } from './workflow';

function line(r: RunSummary): string {
  const when = new Date(r.startedAt ?? r.createdAt).toISOString();
  return `${r.status.padEnd(18)} ${when}  ${r.workflowName}${r.dryRun ? '  (dry run)' : ''}${r.error ? `  — ${r.error.message}` : ''}`;
}

export const runsCommands: Command[] = [
  command({
    usage: 'runs list [--workflow ID] [--status S] [--from DATE] [--to DATE] [--limit N]',
    summary: 'Recent runs, newest first.',
    options: {
      workflow: { type: 'string', description: 'only this workflow' },
      status: { type: 'string', description: `only this status (${runStatusSchema.options.join(', ')})` },
      from: { type: 'string', description: 'created at or after (YYYY-MM-DD, ISO date-time or epoch ms)' },
      to: { type: 'string', description: 'created before' },
      limit: { type: 'string', description: 'how many (1–500, default 50)' },
    },
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'runs list');
      const from = parseTimeOption(args.values.from, 'from');
      const to = parseTimeOption(args.values.to, 'to');
      if (from !== undefined && to !== undefined && from > to) throw new CliUsageError('--from: must be before --to');
      const status = args.values.status;
      if (typeof status === 'string' && !runStatusSchema.safeParse(status).success) {
        throw new CliUsageError(`--status: must be one of ${runStatusSchema.options.join(', ')}`);
      }
      const limit = parseCountOption(args.values.limit, 'limit', 500);
      const { runs } = await ctx.call('runs.list', {
        ...(typeof args.values.workflow === 'string' ? { workflowId: args.values.workflow } : {}),
        ...(typeof status === 'string' ? { status: runStatusSchema.parse(status) } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
      ctx.print({ runs }, () => (runs.length === 0 ? 'No runs yet.' : formatRows(runs.map((r) => [r.id, line(r)]))));
    },
  }),
  command({
    usage: 'runs show ID',
    summary: 'One run: every step with its attempts, output and error, the log and approvals.',
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', 'runs show ID');
      noExtraPositionals(args, 1, 'runs show ID');
      const run = await ctx.call('runs.get', { id });
      ctx.print(run, () => {
        const out = [`${run.workflowName} — run ${run.id}: ${run.status}`];
        for (const s of run.steps) {
          out.push(`  ${s.id.padEnd(20)} ${s.type.padEnd(16)} class ${s.class}  ${s.status}${s.mode === 'dry-run' ? ' (dry run)' : ''}  attempts ${s.attempts}`);
          if (s.error) out.push(`    error: ${s.error.message}`);
        }
        for (const a of run.approvals) out.push(`  approval ${a.id} for ${a.nodeId}: ${a.status}${a.reason ? ` — ${a.reason}` : ''}`);
        for (const l of run.logs) out.push(`  [${l.level}] ${l.nodeId ?? ''} ${l.message}`);
        return out.join('\n');
      });
    },
  }),
  command({
    usage: 'runs resume [--wait]',
    summary: 'Continue runs a crash or shutdown interrupted, and due waits.',
    options: { wait: { type: 'boolean', description: 'wait until they end or wait for approval' } },
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'runs resume');
      const wait = args.values.wait === true;
      const { resumed } = await ctx.call('runs.resume', { wait });
      ctx.print({ resumed }, () => (resumed.length === 0 ? 'Nothing to resume.' : resumed.map(describeRun).join('\n')));
      if (!wait) await ctx.core().engine.drain();
    },
  }),
  command({
    usage: 'runs retry ID [--wait]',
    summary: 'Run a failed run again from its failed step.',
    options: { wait: { type: 'boolean', description: 'wait until it ends or waits for approval' } },
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', 'runs retry ID');
      noExtraPositionals(args, 1, 'runs retry ID');
      const wait = args.values.wait === true;
      return printRunAndSettle(ctx, await ctx.call('runs.retry', { id, wait }), wait);
    },
  }),
  command({
    usage: 'runs cancel ID',
    summary: 'Stop a run; its waits and approvals are cancelled.',
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', 'runs cancel ID');
      noExtraPositionals(args, 1, 'runs cancel ID');
      const run = await ctx.call('runs.cancel', { id });
      ctx.print(run, () => `run ${run.id}: ${run.status}`);
    },
  }),
];
