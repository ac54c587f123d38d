import type { StripeSyncProgress, StripeSyncStatus } from '../../../shared/contract/revenue-sync';
import { command, noExtraPositionals, type Command } from '../command';
import { formatRows } from '../format';
import { procedureCommand } from '../procedure-command';

const when = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

/** The mode as every money view badges it. */
export function stripeModeBadge(s: Pick<StripeSyncStatus, 'mode'>): string {
  return s.mode === null ? 'no key' : s.mode === 'test' ? 'TEST MODE' : 'live';
}

/** The `levqor status` line for Stripe. */
export function stripeStatusLine(s: StripeSyncStatus): string {
  if (!s.configured) return 'not set up (secret stripe.secretKey)';
  const last = s.lastSuccessAt === null ? 'never synced' : `last synced ${when(s.lastSuccessAt)}`;
  return `${stripeModeBadge(s)}, ${last}${s.lastError ? `; last error: ${s.lastError}` : ''}`;
}

function showStatus(s: StripeSyncStatus): string {
  const counts = Object.entries(s.lastPassCounts).map(([k, n]) => `${k} ${n}`).join(', ');
  return formatRows([
    ['Mode', `${stripeModeBadge(s)} (setting stripe.mode: ${s.modeSet})`],
    ['Running', s.running ? `yes${s.progress ? ` (${s.progress.kind}: ${s.progress.count})` : ''}` : 'no'],
    ['Last success', when(s.lastSuccessAt)],
    ['Last pass', s.lastPassFull === null ? 'none' : `${s.lastPassFull ? 'full' : 'incremental'}: ${s.lastPassReason}${counts ? ` (${counts})` : ''}`],
    ['Events through', when(s.eventsThrough)],
    ['Last error', s.lastError ?? 'none'],
  ]);
}

const progressLine = (p: StripeSyncProgress) => `\r${p.full ? 'full sync' : 'sync'}: ${p.kind.replace(/_/g, ' ')} ${p.count}   `;

export const revenueSyncCommands: Command[] = [
  command({
    usage: 'revenue sync [--full]',
    summary: 'Fetch what changed in Stripe into the local tables (everything the first time or with --full), with a progress line; prints the sync status.',
    options: { full: { type: 'boolean', description: 'page through everything again instead of the events since the last sync' } },
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'revenue sync');
      const shows = !ctx.json && process.stderr.isTTY;
      const off = ctx.core().events.subscribe((name, payload) => {
        if (name === 'revenue.syncProgress' && shows) process.stderr.write(progressLine(payload as StripeSyncProgress));
      });
      try {
        const status = await ctx.call('revenue.sync', args.values.full === true ? { full: true } : {});
        if (shows) process.stderr.write('\r\x1b[K');
        ctx.print(status, () => showStatus(status));
      } finally {
        off();
      }
    },
  }),
  procedureCommand('revenue.syncStatus', {
    usage: 'revenue sync-status',
    summary: 'Where the Stripe sync stands: mode (test or live), running, last success, the last pass (full or not, and why), the last error.',
    show: showStatus,
  }),
];
