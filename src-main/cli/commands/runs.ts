import type { RunDetail, RunSummary } from '../../../shared/contract/workflows';
import { runStatusSchema } from '../../../shared/workflow';
import { command, noExtraPositionals, readPositionals, type Command, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { choiceOption, countOption, givenOnly, parseChoiceOption, parseCountOption, parseTimeRange, textOption, timeRangeOptions } from '../options';
import { procedureCommand } from '../procedure-command';
import { describeRun, printRunAndSettle } from './workflow';

function line(r: RunSummary): string {
  const when = new Date(r.startedAt ?? r.createdAt).toISOString();
  return `${r.status.padEnd(18)} ${when}  ${r.workflowName}${r.dryRun ? '  (dry run)' : ''}${r.error ? `  — ${r.error.message}` : ''}`;
}

function showRun(run: RunDetail): string {
  const out = [`${run.workflowName} — run ${run.id}: ${run.status}`];
  for (const s of run.steps) {
    out.push(`  ${s.id.padEnd(20)} ${s.type.padEnd(16)} class ${s.class}  ${s.status}${s.mode === 'dry-run' ? ' (dry run)' : ''}  attempts ${s.attempts}`);
    if (s.error) out.push(`    error: ${s.error.message}`);
  }
  for (const a of run.approvals) out.push(`  approval ${a.id} for ${a.nodeId}: ${a.status}${a.reason ? ` — ${a.reason}` : ''}`);
  for (const l of run.logs) out.push(`  [${l.level}] ${l.nodeId ?? ''} ${l.message}`);
  return out.join('\n');
}

function listInput(values: ParsedArgs['values']) {
  const { from, to } = parseTimeRange(values);
  const status = parseChoiceOption(values.status, 'status', runStatusSchema.options);
  const limit = parseCountOption(values.limit, 'limit');
  return givenOnly({ workflowId: textOption(values.workflow), status, limit, from, to });
}

export const runsCommands: Command[] = [
  procedureCommand('runs.list', {
    usage: 'runs list [--workflow ID] [--status S] [--from DATE] [--to DATE] [--limit N]',
    summary: 'Recent runs, newest first.',
    options: {
      workflow: { type: 'string', description: 'only this workflow' },
      status: choiceOption('status', runStatusSchema.options),
      ...timeRangeOptions('created at or after (YYYY-MM-DD, ISO date-time or epoch ms)', 'created before'),
      limit: countOption(50),
    },
    input: (_, values) => listInput(values),
    show: ({ runs }) => (runs.length === 0 ? 'No runs yet.' : formatRows(runs.map((r) => [r.id, line(r)]))),
  }),
  procedureCommand('runs.get', {
    usage: 'runs show ID',
    summary: 'One run: every step with its attempts, output and error, the log and approvals.',
    positionals: { id: 'ID' },
    show: showRun,
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
    summary: 'Run a failed, rejected or cancelled run again from its failed step (a rejected approval is asked again).',
    options: { wait: { type: 'boolean', description: 'wait until it ends or waits for approval' } },
    async run(ctx, args) {
      const [id] = readPositionals(args, ['ID'], 'runs retry ID');
      const wait = args.values.wait === true;
      return printRunAndSettle(ctx, await ctx.call('runs.retry', { id, wait }), wait);
    },
  }),
  procedureCommand('runs.cancel', {
    usage: 'runs cancel ID',
    summary: 'Stop a run; its waits and approvals are cancelled.',
    positionals: { id: 'ID' },
    show: (run) => `run ${run.id}: ${run.status}`,
  }),
];
