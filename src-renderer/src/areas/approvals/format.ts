/** Pure formatting for the Approvals inbox (tested in approvals.test.ts). */
import type { ApprovalSubjectKind } from '../../../../shared/contract/approvals';
import { evidenceTimeSchema, type EvidenceTime } from '../../../../shared/contract/guardian';

/** "2h 05m left", "4m 09s left", "expired"; "no timeout" when there is no expiry. */
export function timeLeft(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'no timeout';
  const ms = expiresAt - now;
  if (ms <= 0) return 'expired';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}d ${pad(h)}h left`;
  if (h > 0) return `${h}h ${pad(m)}m left`;
  return `${m}m ${pad(sec)}s left`;
}

export const onTimeoutLabel = {
  reject: 'rejects the step',
  skip: 'skips the step',
  'dry-run': 'runs it as a dry run',
} as const;

/** Whether there is a preview to show (a step may give none). */
export function hasPreview(preview: unknown): boolean {
  return preview !== undefined && preview !== null;
}

/** The inbox's words for what an approval is about. */
export const subjectKindLabel = {
  step: 'Workflow step',
  'product.upload': 'Drive upload',
  'guardian.healing': 'Healing action',
  'app.update': 'App update',
  'backup.forget': 'Backup retention',
  'backup.restoreApp': 'Restore of the app\u2019s data',
  'revenue.package': 'DFY package (Stripe)',
  'notify.briefing': 'Founder briefing',
  'stage.override': 'Post-launch override',
  'compliance.erase': 'Erasure (GDPR / CCPA)',
  'compliance.retention': 'Lead retention',
} as const satisfies Record<ApprovalSubjectKind, string>;

/** Where the founder sees the subject of a non-step approval (the product, the Guardian home, Settings → About). */
export function subjectHref(kind: ApprovalSubjectKind): { href: string; label: string } | undefined {
  if (kind === 'product.upload') return { href: '#/launches', label: 'Open Launches' };
  if (kind === 'guardian.healing') return { href: '#/guardian', label: 'Open Guardian' };
  if (kind === 'app.update') return { href: '#/settings', label: 'Open Settings' };
  if (kind === 'backup.restoreApp') return { href: '#/backups', label: 'Open Backups' };
  if (kind === 'revenue.package') return { href: '#/revenue', label: 'Open Revenue' };
  if (kind === 'stage.override') return { href: '#/settings', label: 'Open Settings' };
  if (kind === 'compliance.erase' || kind === 'compliance.retention') return { href: '#/compliance', label: 'Open Compliance' };
  return undefined;
}

const nothingDoneOnTimeout = {
  'product.upload': 'rejects it: nothing is sent',
  'guardian.healing': 'rejects it: nothing is applied',
  'app.update': 'rejects it: nothing is installed',
  'backup.forget': 'rejects it: no snapshot is removed',
  'backup.restoreApp': 'rejects it: the live data stays as it is',
  'revenue.package': 'rejects it: nothing is created or changed in Stripe',
  'notify.briefing': 'rejects it: the briefing is not sent to those channels',
  'stage.override': 'rejects it: the stage stays as it is',
  'compliance.erase': 'rejects it: nothing is erased (the request can be filed again)',
  'compliance.retention': 'rejects it: no lead is anonymised',
} as const satisfies Record<Exclude<ApprovalSubjectKind, 'step'>, string>;

/** What happens when nobody decides: steps follow their policy; any other request is rejected. */
export function timeoutLabel(kind: ApprovalSubjectKind, onTimeout: keyof typeof onTimeoutLabel): string {
  return kind === 'step' ? onTimeoutLabel[onTimeout] : nothingDoneOnTimeout[kind];
}

/** A healing request's preview carries its evidence and expected effect, shown as facts rather than JSON. */
export function healingFacts(preview: unknown): { evidence: string; evidenceTime?: EvidenceTime; expectedEffect: string } | undefined {
  if (!preview || typeof preview !== 'object') return undefined;
  const p = preview as { evidence?: unknown; evidenceTime?: unknown; expectedEffect?: unknown };
  if (typeof p.evidence !== 'string' || typeof p.expectedEffect !== 'string') return undefined;
  const time = evidenceTimeSchema.safeParse(p.evidenceTime);
  return { evidence: p.evidence, ...(time.success ? { evidenceTime: time.data } : {}), expectedEffect: p.expectedEffect };
}
