import { resolve } from 'node:path';
import type { Anomaly, DailyReport } from '../../../shared/contract/telemetry';
import { anomalyKinds } from '../../../shared/telemetry';
import { command, CliUsageError, noExtraPositionals, type Command } from '../command';
import { formatRows } from '../format';
import { givenOnly, parseChoiceOption, textOption } from '../options';
import { procedureCommand } from '../procedure-command';

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since 2h`, `30m`, `7d`, an ISO time, or ms since the epoch. */
export function parseSince(raw: string, now: number): number {
  const rel = /^(\d+)([mhd])$/.exec(raw);
  if (rel) return now - Number(rel[1]) * units[rel[2]!]!;
  if (/^\d{12,}$/.test(raw)) return Number(raw);
  const at = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(at)) throw new CliUsageError(`--since: must be like 30m, 2h, 7d, an ISO time or ms since the epoch (got "${raw}")`);
  return at;
}

function signed(now: number, before: number): string {
  const d = now - before;
  return `${now} (${d >= 0 ? '+' : ''}${d} vs the day before)`;
}

function showAnomaly(a: Anomaly): string {
  return `${new Date(a.detectedAt).toISOString()}  ${a.severity.padEnd(7)}  ${a.kind.padEnd(16)}  ${a.summary}`;
}

function showReport(r: DailyReport): string {
  const lines = [`Telemetry report for ${r.date} (UTC)`, '', `Rows: ${signed(r.total.count, r.total.previous)}`];
  lines.push(formatRows(r.byLevel.map((l) => [`  ${l.level}`, signed(l.count, l.previous)])));
  lines.push('', 'Top errors:');
  if (r.topErrors.length === 0) lines.push('  none');
  for (const e of r.topErrors) lines.push(`  ${signed(e.count, e.previous)}  ${e.sample.slice(0, 100)}`);
  lines.push('', 'Slowest endpoints (p95):');
  if (r.slowestEndpoints.length === 0) lines.push('  none');
  for (const e of r.slowestEndpoints) {
    const prev = e.previousP95Ms === null ? 'no data the day before' : `${e.previousP95Ms} ms the day before`;
    lines.push(`  ${`${e.method} ${e.endpoint}`.trim()}: ${e.p95Ms} ms over ${e.requests} requests (${prev})`);
  }
  lines.push('', `Anomalies: ${signed(r.anomalies.count, r.anomalies.previous)}`);
  for (const a of r.anomalies.items) lines.push(`  ${showAnomaly(a)}`);
  return lines.join('\n');
}

export const telemetryCommands: Command[] = [
  procedureCommand('telemetry.ingest', {
    usage: 'telemetry ingest FILE.ndjson',
    summary: 'Store the rows of an NDJSON file: all of them, or none if one is bad (its line and field are named).',
    positionals: { path: 'FILE' },
    input: ({ path }) => ({ path: resolve(path) }),
    show: (result) => `Stored ${result.accepted} rows${result.duplicates ? ` (${result.duplicates} were already stored)` : ''}.`,
  }),
  procedureCommand('telemetry.sync', {
    usage: 'telemetry sync',
    summary: 'Push local telemetry to the remote Postgres and pull the hosted site\u2019s rows; prints { pushed, pulled, lagRows }.',
    json: ({ pushed, pulled, lagRows }) => ({ pushed, pulled, lagRows }),
    show: (r) => `Pushed ${r.pushed}, pulled ${r.pulled}, ${r.lagRows} rows still waiting${r.skipped ? `, ${r.skipped} remote rows skipped as invalid (see the log)` : ''} (${r.durationMs} ms).`,
  }),
  command({
    usage: 'telemetry anomalies [--since 24h] [--kind K]',
    summary: 'Run the anomaly detectors now and list the anomalies seen since a time (default: the last 24 hours).',
    options: {
      since: { type: 'string', description: 'from when: 30m, 2h, 7d, an ISO time or ms since the epoch (default 24h)' },
      kind: { type: 'string', description: `only one kind: ${anomalyKinds.join(', ')}` },
    },
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'telemetry anomalies');
      const since = parseSince(textOption(args.values.since) ?? '24h', ctx.core().clock.now());
      const kind = parseChoiceOption(args.values.kind, 'kind', anomalyKinds);
      await ctx.call('telemetry.detect', {});
      const { anomalies } = await ctx.call('telemetry.anomalies', { since, limit: 1000, ...givenOnly({ kind }) });
      ctx.print({ anomalies }, () => (anomalies.length === 0 ? 'No anomalies.' : anomalies.map(showAnomaly).join('\n')));
    },
  }),
  procedureCommand('telemetry.report', {
    usage: 'telemetry report [--date YYYY-MM-DD]',
    summary: 'The daily report (UTC day, default yesterday): totals by level, top errors, slowest endpoints, anomalies, each vs the day before.',
    options: { date: { type: 'string', description: 'the UTC day, YYYY-MM-DD (default: yesterday)' } },
    input: (_, values) => givenOnly({ date: textOption(values.date) }),
    show: showReport,
  }),
  procedureCommand('telemetry.prune', {
    usage: 'telemetry prune',
    summary: 'Apply retention now (telemetry.retentionDays for raw rows; rollups 1/30/365 days) and shrink the file.',
    show: (r) => `Removed ${r.rows} rows, ${r.rollups} rollup rows and ${r.anomalies} anomalies; freed ${r.freedPages} pages.`,
  }),
];
