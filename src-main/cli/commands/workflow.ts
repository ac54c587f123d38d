import { existsSync } from 'node:fs';
import type { ProcedureOutput } from '../../../shared/contract';
import type { RunResult, WorkflowStats, WorkflowSummary } from '../../../shared/contract/workflows';
import { command, readPositionals, type CliContext, type Command, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { parseJsonOption, readJsonFile } from '../json-input';
import { givenOnly, parseTimeRange, textOption, timeRangeOptions } from '../options';
import { procedureCommand, type Call } from '../procedure-command';

export function describeRun(result: RunResult): string {
  const lines = [`run ${result.runId}: ${result.status}`];
  for (const step of result.steps) lines.push(`  ${step.id.padEnd(20)} ${step.status}${step.attempts > 1 ? ` (${step.attempts} attempts)` : ''}`);
  if (result.error) lines.push(`  error: ${result.error.message}`);
  return lines.join('\n');
}

/** What a finished CLI run means for the exit code: a run that did not do its work (failed, rejected, cancelled) is 1. */
export function runExitCode(result: RunResult): number {
  return result.status === 'failed' || result.status === 'rejected' || result.status === 'cancelled' ? 1 : 0;
}

/** Prints the run now; without --wait the run keeps going in this process until it ends or parks. */
export async function printRunAndSettle(ctx: CliContext, result: RunResult, waited: boolean): Promise<number> {
  ctx.print({ runId: result.runId, status: result.status, steps: result.steps, ...(result.error ? { error: result.error } : {}) }, () => describeRun(result));
  if (!waited) await ctx.core().engine.drain();
  return runExitCode(result);
}

function showList({ workflows }: { workflows: WorkflowSummary[] }): string {
  if (workflows.length === 0) return 'No workflows yet: levqor workflow import FILE';
  return formatRows(
    workflows.map((w) => [
      w.id,
      [w.name, w.triggerType, w.enabled ? 'on' : 'off', w.lastRun ? `last ${w.lastRun.status}` : 'never run', w.nextFireAt ? `next ${new Date(w.nextFireAt).toISOString()}` : '']
        .filter(Boolean)
        .join('  '),
    ]),
  );
}

function showStats(s: WorkflowStats): string {
  const pct = s.successRate === null ? '—' : `${(s.successRate * 100).toFixed(1)}%`;
  const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
  return formatRows([
    ['Range', `${new Date(s.from).toISOString()} … ${new Date(s.to).toISOString()}`],
    ['Runs', `${s.runs} (${s.succeeded} ok, ${s.failed} failed, ${s.rejected} rejected, ${s.cancelled} cancelled)`],
    ['Success rate', pct],
    ['Duration p50 / p95', `${ms(s.p50DurationMs)} / ${ms(s.p95DurationMs)}`],
    ['Mean approval wait', ms(s.meanApprovalWaitMs)],
    ...s.topFailureReasons.map((r, i): [string, string] => [i === 0 ? 'Top failures' : '', `${r.count}× ${r.reason}`]),
    ...s.daily
      .filter((d) => d.succeeded + d.failed + d.rejected + d.cancelled + d.other > 0)
      .map((d, i): [string, string] => [i === 0 ? `Per day (${s.timezone})` : '', `${d.day}  ${d.succeeded} ok, ${d.failed} failed, ${d.rejected} rejected, ${d.cancelled} cancelled, ${d.other} open`]),
  ]);
}

function statsInput(id: string, values: ParsedArgs['values']) {
  const { from, to } = parseTimeRange(values);
  return { id, ...givenOnly({ from, to, timezone: textOption(values.timezone) || undefined }) };
}

/** A workflow file named on the command line, as the procedures take it. */
function workflowFile({ file }: { file: string }) {
  return { workflow: readJsonFile(file) };
}

/** The file as written on stdout, with or without --json; that it is a draft goes to stderr, so the file stays as written. */
function printExport({ json, draft, problems }: ProcedureOutput<'workflows.export'>, { positionals: { id }, ctx }: Call<{ id: string }>): void {
  ctx.io.out(json);
  if (draft) ctx.io.err(`note: workflow ${id} is a draft (${problems.length} problem${problems.length === 1 ? '' : 's'}); the file is as written; Import in the Workflows area opens it as a draft again`);
}

const runUsage = 'workflow run FILE|ID [--input JSON] [--wait] [--dry-run]';

export const workflowCommands: Command[] = [
  procedureCommand('workflows.validate', {
    usage: 'workflow validate FILE',
    summary: 'Check a workflow file: exit 0 when valid, 2 with every problem by JSON path.',
    positionals: { file: 'FILE' },
    input: workflowFile,
    show: (result, { positionals: { file } }) => (result.valid ? `${file}: valid` : result.errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('\n')),
    exitCode: (result) => (result.valid ? 0 : 2),
  }),
  procedureCommand('workflows.import', {
    usage: 'workflow import FILE [--disabled]',
    summary: 'Store a workflow from its JSON file and print its id.',
    options: { disabled: { type: 'boolean', description: 'import with its trigger turned off' } },
    positionals: { file: 'FILE' },
    input: (positionals, values) => ({ ...workflowFile(positionals), ...(values.disabled ? { enabled: false } : {}) }),
    show: (result) => result.id,
  }),
  procedureCommand('workflows.list', {
    usage: 'workflow list',
    summary: 'Every workflow with its trigger, last run and next run.',
    show: showList,
  }),
  procedureCommand('workflows.export', {
    usage: 'workflow export ID',
    summary: 'Print a workflow as its JSON file (a draft as written).',
    positionals: { id: 'ID' },
    print: printExport,
  }),
  command({
    usage: runUsage,
    summary: 'Run a stored workflow or a workflow file; --wait returns when it ends or waits for approval.',
    options: {
      input: { type: 'string', description: 'the run\u2019s input as JSON; a manual trigger with input fields checks it (missing required field, wrong type, unknown field: exit 2)' },
      wait: { type: 'boolean', description: 'wait until the run ends or waits for an approval' },
      'dry-run': { type: 'boolean', description: 'run Class A steps for real; record Class B/C steps (approvals too) as dry runs' },
    },
    async run(ctx, args) {
      const [target] = readPositionals(args, ['FILE or ID'], runUsage);
      const input = parseJsonOption(args.values.input, 'input');
      const wait = args.values.wait === true;
      const source = existsSync(target) ? workflowFile({ file: target }) : { id: target };
      const dryRun = args.values['dry-run'] === true;
      const result = await ctx.call('workflows.run', { ...source, ...givenOnly({ input }), wait, ...(dryRun ? { dryRun } : {}) });
      return printRunAndSettle(ctx, result, wait);
    },
  }),
  procedureCommand('workflows.stats', {
    usage: 'workflow stats ID [--from DATE] [--to DATE] [--timezone TZ]',
    summary: 'Runs, success rate, p50/p95 duration, top failure reasons and mean approval wait.',
    options: {
      ...timeRangeOptions('start (YYYY-MM-DD, ISO date-time or epoch ms; default 30 days ago)', 'end (default now)'),
      timezone: { type: 'string', description: 'IANA timezone of the daily series (default UTC)' },
    },
    positionals: { id: 'ID' },
    input: ({ id }, values) => statsInput(id, values),
    show: showStats,
  }),
];
