import { existsSync } from 'node:fs';
import type { RunResult } from '../../../shared/contract/workflows';
import { command, CliUsageError, noExtraPositionals, requirePositional, type CliContext, type Command } from '../command';
import { formatRows } from '../format';
import { parseJsonOption, parseTimeOption, readJsonFile } from '../json-input';

export function describeRun(result: RunResult): string {
  const lines = [`run ${result.runId}: ${result.status}`];
  for (const step of result.steps) lines.push(`  ${step.id.padEnd(20)} ${step.status}${step.attempts > 1 ? ` (${step.attempts} attempts)` : ''}`);
  if (result.error) lines.push(`  error: ${result.error.message}`);
  return lines.join('\n');
}

/** What a finished CLI run means for the exit code: a failed run is a failure (1). */
export function runExitCode(result: RunResult): number {
  return result.status === 'failed' || result.status === 'cancelled' ? 1 : 0;
}

/** Prints the run now; without --wait the run keeps going in this process until it ends or parks. */
export async function printRunAndSettle(ctx: CliContext, result: RunResult, waited: boolean): Promise<number> {
  ctx.print({ runId: result.runId, status: result.status, steps: result.steps, ...(result.error ? { error: result.error } : {}) }, () => describeRun(result));
  if (!waited) await ctx.core().engine.drain();
  return runExitCode(result);
}

export const workflowCommands: Command[] = [
  command({
    usage: 'workflow validate FILE',
    summary: 'Check a workflow file: exit 0 when valid, 2 with every problem by JSON path.',
    async run(ctx, args) {
      const file = requirePositional(args, 0, 'FILE', 'workflow validate FILE');
      noExtraPositionals(args, 1, 'workflow validate FILE');
      const result = await ctx.call('workflows.validate', { workflow: readJsonFile(file) });
      ctx.print(result, () => (result.valid ? `${file}: valid` : result.errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('\n')));
      return result.valid ? 0 : 2;
    },
  }),
  command({
    usage: 'workflow import FILE [--disabled]',
    summary: 'Store a workflow from its JSON file and print its id.',
    options: { disabled: { type: 'boolean', description: 'import with its trigger turned off' } },
    async run(ctx, args) {
      const file = requirePositional(args, 0, 'FILE', 'workflow import FILE');
      noExtraPositionals(args, 1, 'workflow import FILE');
      const result = await ctx.call('workflows.import', { workflow: readJsonFile(file), ...(args.values.disabled ? { enabled: false } : {}) });
      ctx.print(result, () => result.id);
    },
  }),
  command({
    usage: 'workflow list',
    summary: 'Every workflow with its trigger, last run and next run.',
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'workflow list');
      const { workflows } = await ctx.call('workflows.list', {});
      ctx.print({ workflows }, () =>
        workflows.length === 0
          ? 'No workflows yet: levqor workflow import FILE'
          : formatRows(
              workflows.map((w) => [
                w.id,
                [w.name, w.triggerType, w.enabled ? 'on' : 'off', w.lastRun ? `last ${w.lastRun.status}` : 'never run', w.nextFireAt ? `next ${new Date(w.nextFireAt).toISOString()}` : '']
                  .filter(Boolean)
                  .join('  '),
              ]),
            ),
      );
    },
  }),
  command({
    usage: 'workflow export ID',
    summary: 'Print a workflow as its JSON file (a draft as written).',
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', 'workflow export ID');
      noExtraPositionals(args, 1, 'workflow export ID');
      const { json, draft, problems } = await ctx.call('workflows.export', { id });
      ctx.io.out(json);
      // on stderr, so the file on stdout stays as written
      if (draft) ctx.io.err(`note: workflow ${id} is a draft (${problems.length} problem${problems.length === 1 ? '' : 's'}); the file is as written; Import in the Workflows area opens it as a draft again`);
    },
  }),
  command({
    usage: 'workflow run ID|FILE [--input JSON] [--wait] [--dry-run]',
    summary: 'Run a stored workflow or a workflow file; --wait returns when it ends or waits for approval.',
    options: {
      input: { type: 'string', description: 'the trigger input as JSON' },
      wait: { type: 'boolean', description: 'wait until the run ends or waits for an approval' },
      'dry-run': { type: 'boolean', description: 'run Class A steps for real; record Class B/C steps (approvals too) as dry runs' },
    },
    async run(ctx, args) {
      const usage = 'workflow run ID|FILE [--input JSON] [--wait] [--dry-run]';
      const target = requirePositional(args, 0, 'ID or FILE', usage);
      noExtraPositionals(args, 1, usage);
      const input = parseJsonOption(args.values.input, 'input');
      const wait = args.values.wait === true;
      const source = existsSync(target) ? { workflow: readJsonFile(target) } : { id: target };
      const dryRun = args.values['dry-run'] === true;
      const result = await ctx.call('workflows.run', { ...source, ...(input !== undefined ? { input } : {}), wait, ...(dryRun ? { dryRun } : {}) });
      return printRunAndSettle(ctx, result, wait);
    },
  }),
  command({
    usage: 'workflow stats ID [--from DATE] [--to DATE] [--timezone TZ]',
    summary: 'Runs, success rate, p50/p95 duration, top failure reasons and mean approval wait.',
    options: {
      from: { type: 'string', description: 'start (YYYY-MM-DD, ISO date-time or epoch ms; default 30 days ago)' },
      to: { type: 'string', description: 'end (default now)' },
      timezone: { type: 'string', description: 'IANA timezone of the daily series (default UTC)' },
    },
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', 'workflow stats ID');
      noExtraPositionals(args, 1, 'workflow stats ID');
      const from = parseTimeOption(args.values.from, 'from');
      const to = parseTimeOption(args.values.to, 'to');
      if (from !== undefined && to !== undefined && from > to) throw new CliUsageError('--from: must be before --to');
      const timezone = typeof args.values.timezone === 'string' ? args.values.timezone : undefined;
      const s = await ctx.call('workflows.stats', { id, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(timezone ? { timezone } : {}) });
      const pct = s.successRate === null ? '—' : `${(s.successRate * 100).toFixed(1)}%`;
      const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
      ctx.print(s, () =>
        formatRows([
          ['Range', `${new Date(s.from).toISOString()} … ${new Date(s.to).toISOString()}`],
          ['Runs', `${s.runs} (${s.succeeded} ok, ${s.failed} failed, ${s.cancelled} cancelled)`],
          ['Success rate', pct],
          ['Duration p50 / p95', `${ms(s.p50DurationMs)} / ${ms(s.p95DurationMs)}`],
          ['Mean approval wait', ms(s.meanApprovalWaitMs)],
          ...s.topFailureReasons.map((r, i): [string, string] => [i === 0 ? 'Top failures' : '', `${r.count}× ${r.reason}`]),
          ...s.daily
            .filter((d) => d.succeeded + d.failed + d.cancelled + d.other > 0)
            .map((d, i): [string, string] => [i === 0 ? `Per day (${s.timezone})` : '', `${d.day}  ${d.succeeded} ok, ${d.failed} failed, ${d.cancelled} cancelled, ${d.other} open`]),
        ]),
      );
    },
  }),
];
