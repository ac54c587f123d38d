import { outboxStates, type OutboxRow, type OutboxState } from '../../../shared/contract/notify';
import { command, CliUsageError, noExtraPositionals, requirePositional, type Command } from '../command';
import { formatRows } from '../format';
import { parseCountOption } from '../json-input';

function line(r: OutboxRow): string {
  const when = new Date(r.createdAt).toISOString();
  const detail = r.state === 'pending' && r.nextAttemptAt !== null ? `  next try ${new Date(r.nextAttemptAt).toISOString()}` : '';
  return `${r.state.padEnd(8)} ${r.channel.padEnd(8)} ${when}  ${r.notice.title}  (attempts ${r.attempts})${detail}${r.lastError ? `  — ${r.lastError}` : ''}`;
}

function isState(text: string): text is OutboxState {
  return (outboxStates as readonly string[]).includes(text);
}

const retryUsage = 'notify retry ID';

export const notifyCommands: Command[] = [
  command({
    usage: 'notify outbox [--state S] [--limit N]',
    summary: 'The notification outbox, newest first: each notice for each channel, its state, attempts and last error.',
    options: {
      state: { type: 'string', description: `only this state (${outboxStates.join(', ')})` },
      limit: { type: 'string', description: 'how many (1–500, default 50)' },
    },
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'notify outbox');
      const state = args.values.state;
      if (typeof state === 'string' && !isState(state)) throw new CliUsageError(`--state: must be one of ${outboxStates.join(', ')}`);
      const limit = parseCountOption(args.values.limit, 'limit', 500);
      const { rows } = await ctx.call('notify.outbox', { ...(typeof state === 'string' ? { state } : {}), ...(limit !== undefined ? { limit } : {}) });
      ctx.print({ rows }, () => formatRows(rows.map((r) => [r.id, line(r)])) || 'The outbox is empty.');
    },
  }),
  command({
    usage: retryUsage,
    summary: 'Send a failed or skipped outbox row again, from its first attempt (the running app or levqor serve delivers it).',
    async run(ctx, args) {
      noExtraPositionals(args, 1, retryUsage);
      const row = await ctx.call('notify.retry', { id: requirePositional(args, 0, 'ID', retryUsage) });
      ctx.print(row, () => `Queued again: ${row.notice.title} (${row.channel}). The running app delivers it within 30 seconds.`);
    },
  }),
];
