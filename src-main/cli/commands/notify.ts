import { outboxStates, type OutboxRow } from '../../../shared/contract/notify';
import type { Command } from '../command';
import { formatRows } from '../format';
import { choiceOption, countOption, givenOnly, parseChoiceOption, parseCountOption } from '../options';
import { procedureCommand } from '../procedure-command';

function line(r: OutboxRow): string {
  const when = new Date(r.createdAt).toISOString();
  const detail =
    r.state === 'pending' && r.nextAttemptAt !== null ? `  next try ${new Date(r.nextAttemptAt).toISOString()}` : r.state === 'merged' && r.mergedInto ? `  in ${r.mergedInto}` : '';
  return `${r.state.padEnd(8)} ${r.channel.padEnd(8)} ${when}  ${r.notice.title}  (attempts ${r.attempts})${detail}${r.lastError ? `  — ${r.lastError}` : ''}`;
}

export const notifyCommands: Command[] = [
  procedureCommand('notify.outbox', {
    usage: 'notify outbox [--status S] [--limit N]',
    summary: 'The notification outbox, newest first: each notice for each channel, its state, attempts and last error.',
    options: {
      status: choiceOption('status', outboxStates),
      state: { type: 'string', description: 'the same as --status (its older name)' },
      limit: countOption(50),
    },
    input: (_, values) =>
      givenOnly({ state: parseChoiceOption(values.status, 'status', outboxStates) ?? parseChoiceOption(values.state, 'state', outboxStates), limit: parseCountOption(values.limit, 'limit') }),
    show: ({ rows }) => formatRows(rows.map((r) => [r.id, line(r)])) || 'The outbox is empty.',
  }),
  procedureCommand('notify.retry', {
    usage: 'notify retry ID',
    summary: 'Send a failed or skipped outbox row again, from its first attempt (the running app or levqor serve delivers it).',
    positionals: { id: 'ID' },
    show: (row) => `Queued again: ${row.notice.title} (${row.channel}). The running app delivers it within 30 seconds.`,
  }),
];
