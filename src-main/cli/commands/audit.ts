import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditFilter } from '../../../shared/contract/audit';
import { CliUsageError, command, readPositionals, type Command, type ParsedArgs } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

/** Each filter option takes a string; its description says what it accepts. */
const filterOptions = Object.fromEntries(
  Object.entries({
    from: 'entries at or after this date or time (2026-12-01, or ISO 8601)',
    to: 'entries before this date or time',
    kind: 'one kind: step, product.upload, stage.switch, notify.send, stage.override…',
    outcome: 'done, dry-run, blocked, failed, pending, approved, rejected, expired or cancelled',
    text: 'words found in who, what, subject or detail',
    limit: 'at most this many (default 200, at most 5000)',
  }).map(([name, description]) => [name, { type: 'string' as const, description }]),
);

function time(field: string, raw: string | boolean | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(at)) throw new CliUsageError(`--${field}: must be a date such as 2026-12-01 or an ISO 8601 time (got "${String(raw)}")`);
  return at;
}

/** The filter options as the contract's input; the contract checks outcome and limit, naming the field. */
function filter(values: ParsedArgs['values']): Partial<AuditFilter> {
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const from = time('from', values.from);
  const to = time('to', values.to);
  const limit = text('limit');
  return {
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(text('kind') ? { kind: text('kind') } : {}),
    ...(text('outcome') ? { outcome: text('outcome') as AuditFilter['outcome'] } : {}),
    ...(text('text') ? { text: text('text') } : {}),
    ...(limit !== undefined ? { limit: Number(limit) } : {}),
  };
}

/** The audit log: every approval and every action that left the machine or changed the stage. */
export const auditCommands: Command[] = [
  procedureCommand('audit.list', {
    usage: 'audit list [--from DATE] [--to DATE] [--kind KIND] [--outcome OUTCOME] [--text WORDS] [--limit N]',
    summary: 'The audit log, newest first: who, what, when, stage, subject, outcome.',
    options: filterOptions,
    input: (_, values) => filter(values),
    show: ({ entries }) => formatRows(entries.map((e) => [new Date(e.at).toISOString(), `${e.outcome.padEnd(9)} ${e.who} \u2014 ${e.what} \u203a ${e.subject} (${e.stage})`])) || 'No audit entry matches.',
  }),
  command({
    usage: 'audit export csv|json [--out FILE] [--from DATE] [--to DATE] [--kind KIND] [--outcome OUTCOME] [--text WORDS] [--limit N]',
    summary: 'The filtered audit log as CSV or JSON: printed, or written to --out FILE.',
    options: { ...filterOptions, out: { type: 'string', description: 'write the file here instead of printing it' } },
    async run(ctx, args) {
      const [format] = readPositionals(args, ['the format (csv or json)'], 'audit export csv|json');
      const file = await ctx.call('audit.export', { format: format as 'csv' | 'json', ...filter(args.values) });
      const out = args.values.out;
      if (typeof out !== 'string') return void ctx.io.out(file.content.replace(/\r?\n$/, ''));
      writeFileSync(resolve(out), file.content);
      ctx.print({ file: resolve(out), count: file.count }, () => `${file.count} entries written to ${resolve(out)}`);
    },
  }),
];
