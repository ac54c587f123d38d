import type { NotifyStatus } from '../../../shared/contract/notify';
import type { Command } from '../command';
import { CliUsageError } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

function pauseLine(s: NotifyStatus): string {
  return s.pausedUntil === null ? 'Alerts are on.' : `Alerts are paused until ${new Date(s.pausedUntil).toISOString()} (critical alerts still go out).`;
}

function parseMinutes(text: unknown): number {
  if (text === undefined) return 60;
  const n = Number(text);
  if (typeof text !== 'string' || !/^\d+$/.test(text) || n < 1 || n > 10_080) throw new CliUsageError(`--minutes: must be a whole number from 1 to 10080 (a week) (got "${String(text)}")`);
  return n;
}

/** The outbox's delivery: one row's history, and the pause of alerts (the tray's "Pause alerts for 1 h"). */
export const notifyDeliveryCommands: Command[] = [
  procedureCommand('notify.history', {
    usage: 'notify history ID',
    summary: 'One outbox row and every attempt at it: when, how long, the outcome and the provider\u2019s answer.',
    positionals: { id: 'ID' },
    show: ({ row, attempts }) =>
      [
        `${row.notice.title} (${row.channel}): ${row.state}${row.mergedInto ? ` in ${row.mergedInto}` : ''}`,
        formatRows(attempts.map((a) => [`#${a.attempt}`, `${new Date(a.at).toISOString()}  ${a.outcome.padEnd(7)} ${a.ms} ms${a.answer ? `  answer: ${a.answer}` : ''}${a.error ? `  — ${a.error}` : ''}`])) || 'No attempt yet.',
      ].join('\n'),
  }),
  procedureCommand('notify.pause', {
    usage: 'notify pause [--minutes N]',
    summary: 'Pause alerts (default 60 minutes): held notices go out when the pause ends; critical ones go out at once.',
    options: { minutes: { type: 'string', description: 'how long (1–10080, default 60)' } },
    input: (_, values) => ({ minutes: parseMinutes(values.minutes) }),
    show: pauseLine,
  }),
  procedureCommand('notify.resume', { usage: 'notify resume', summary: 'End a pause of alerts now.', input: () => ({}), show: pauseLine }),
  procedureCommand('notify.status', { usage: 'notify status', summary: 'Whether alerts are paused, and until when.', input: () => ({}), show: pauseLine }),
];
