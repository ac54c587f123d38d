import type { StripeSyncProgress, StripeSyncStatus } from '../../../shared/contract/revenue-sync';
import type { CliContext, Command } from '../command';
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

/** On a terminal, a line rewritten with each page the sync stores, until `stop`. */
function followProgress(ctx: CliContext): { stop(): void } {
  const shows = !ctx.json && process.stderr.isTTY;
  const off = ctx.core().events.subscribe((name, payload) => {
    if (name === 'revenue.syncProgress' && shows) process.stderr.write(progressLine(payload as StripeSyncProgress));
  });
  return {
    stop() {
      off();
      if (shows) process.stderr.write('\r\x1b[K');
    },
  };
}

let following: { stop(): void } | undefined;

export const revenueSyncCommands: Command[] = [
  procedureCommand('revenue.sync', {
    usage: 'revenue sync [--full]',
    summary: 'Fetch what changed in Stripe into the local tables (everything the first time or with --full), with a progress line; prints the sync status.',
    options: { full: { type: 'boolean', description: 'page through everything again instead of the events since the last sync' } },
    // the progress line starts with the call; the CLI ends with the command, so a failed sync needs no stop
    input: (_positionals, values, ctx) => {
      following = followProgress(ctx);
      return values.full === true ? { full: true } : {};
    },
    show: (status) => {
      following?.stop();
      return showStatus(status);
    },
  }),
  procedureCommand('revenue.syncStatus', {
    usage: 'revenue sync-status',
    summary: 'Where the Stripe sync stands: mode (test or live), running, last success, the last pass (full or not, and why), the last error.',
    show: showStatus,
  }),
];
