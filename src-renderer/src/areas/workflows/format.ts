/** Pure formatting shared by the Workflows pages (tested in format.test.ts). */
import type { RunSummary, WorkflowSummary } from '../../../../shared/contract/workflows';
import type { Tone } from '../../components/tone';
import { eventTriggerTypes, type EventTriggerTypeName } from '../../../../shared/triggers';

export const triggerLabel: Record<WorkflowSummary['triggerType'], string> = {
  manual: 'Manual',
  cron: 'Schedule',
  event: 'Event',
  webhook: 'Webhook',
  ...(Object.fromEntries(eventTriggerTypes.map((t) => [t.type, t.title])) as Record<EventTriggerTypeName, string>),
};

export const runStatusLabel: Record<RunSummary['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting',
  succeeded: 'Succeeded',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** The colour of a run's status. */
export const runStatusTone: Record<RunSummary['status'], Tone> = { queued: 'info', running: 'info', waiting: 'warn', succeeded: 'good', failed: 'bad', rejected: 'plan', cancelled: 'muted' };

/** "850 ms", "12.4 s", "3m 05s", "2h 10m", "3d 4h"; an em dash when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.round(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** 0.954 → "95.4%", 1 → "100%"; "—" when there is no rate (nothing finished). */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const pct = rate * 100;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** How long a run took (or has been going, with `now`). */
export function runDuration(run: Pick<RunSummary, 'startedAt' | 'finishedAt'>, now?: number): number | null {
  if (run.startedAt === null) return null;
  const end = run.finishedAt ?? now;
  return end === undefined ? null : Math.max(0, end - run.startedAt);
}

/** A file name for an exported workflow: its name, lower-cased, safe on every OS. */
export function exportFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'workflow'}.json`;
}
