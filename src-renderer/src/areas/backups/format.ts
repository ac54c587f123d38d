import type { RetentionPolicy } from '../../../../shared/backup';
export { planDurationText as durationInput } from '../../../../shared/backup';
import type { BackupOperation, BackupProgress, OperationStatus } from '../../../../shared/contract/backup';
import type { PagePlan } from '../../../../shared/contract/backup-page';
import { formatBytes } from '../../../../shared/bytes';
import type { Tone } from '../../components/tone';
import { formatCount } from '../../format/number';

export { formatBytes };

export const statusTone: Record<OperationStatus, Tone> = { running: 'info', succeeded: 'good', failed: 'bad', cancelled: 'muted', interrupted: 'warn' };

/** A plan's state in one word, from its newest backup. */
export function planStatus(plan: PagePlan): { label: string; tone: Tone } {
  if (plan.running) return { label: 'running', tone: 'info' };
  if (!plan.lastBackup) return { label: 'never backed up', tone: 'muted' };
  return { label: plan.lastBackup.status, tone: statusTone[plan.lastBackup.status] };
}

export function ownerText(plan: PagePlan): string {
  return plan.owner.kind === 'own' ? 'Own business' : `Client: ${plan.owner.name}`;
}

const keepWords: Array<[keyof RetentionPolicy, string]> = [
  ['keepLast', 'last'],
  ['keepHourly', 'hourly'],
  ['keepDaily', 'daily'],
  ['keepWeekly', 'weekly'],
  ['keepMonthly', 'monthly'],
  ['keepYearly', 'yearly'],
  ['keepWithin', 'within'],
];

/** "last 7, daily 14" or "every snapshot". */
export function retentionText(policy: RetentionPolicy): string {
  const parts = keepWords.flatMap(([key, word]) => (policy[key] !== undefined ? [`${word} ${String(policy[key])}`] : []));
  if (policy.keepTags?.length) parts.push(`tags ${policy.keepTags.join(', ')}`);
  return parts.length ? parts.join(', ') : 'every snapshot';
}

/** "1.2 s", "3 min 4 s". */
export function durationText(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** What a running backup has done: "42% · 120 of 300 files · 1.2 MB of 3.4 MB · 12 s left". */
export function progressText(p: BackupProgress): string {
  const files = p.totalFiles !== null ? `${formatCount(p.filesDone)} of ${formatCount(p.totalFiles)} files` : `${formatCount(p.filesDone)} files`;
  const bytes = p.totalBytes !== null ? `${formatBytes(p.bytesDone)} of ${formatBytes(p.totalBytes)}` : formatBytes(p.bytesDone);
  const eta = p.secondsRemaining !== null ? ` · ${p.secondsRemaining} s left` : '';
  return `${Math.floor(p.percent * 100)}% · ${files} · ${bytes}${eta}`;
}

export function bytesOf(op: BackupOperation | null): string {
  return op?.bytes != null ? formatBytes(op.bytes) : '—';
}

/** A folder name for a restore, as the server checks it. */
export const restoreFolderPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A suggested folder name: the snapshot and what is restored. */
export function suggestedFolder(shortId: string, path: string | undefined): string {
  const last = path?.split('/').pop()?.replace(/[^A-Za-z0-9._-]/g, '-') ?? 'all';
  return `restore-${shortId}-${last}`.slice(0, 100);
}

/** The command that adds what the page cannot: folder sources, a local repository folder. */
export const planAddCommand = "printf '%s\\n' \"$PASSWORD\" | levqor backup plan add NAME --repo /path/to/repository --source app --source /path/to/folder --keep-daily 7";

