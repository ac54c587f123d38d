import type { HealthScore } from '../../../shared/contract/guardian';
import type { BackupFacts } from '../backup-port';
import type { Finding } from './score';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** An age in the largest whole unit that reads well: 50 min, 30 h, 3 days. */
export function ageInWords(ms: number): string {
  if (ms < 2 * hourMs) return `${Math.round(ms / 60_000)} min`;
  if (ms < 2 * dayMs) return `${Math.round(ms / hourMs)} h`;
  return `${Math.round((ms / dayMs) * 10) / 10} days`;
}

/**
 * Backups' findings: each plan whose last successful backup is older than 1.5× its schedule's
 * interval (stale_backup), and each plan whose latest restic check failed (failed_check).
 */
export function backupFindings(backups: BackupFacts | undefined, now: number): { findings: Finding[]; notAssessed: HealthScore['notAssessed'] } {
  if (!backups) return { findings: [], notAssessed: [{ kind: 'stale_backup', reason: 'the backup service is not available' }] };
  const findings: Finding[] = [];
  const stale = backups.stalePlans(now);
  for (const s of stale) {
    const last = s.lastSuccessAt === null ? 'no backup of it has succeeded yet' : `its last successful backup is ${ageInWords(s.ageMs)} old`;
    findings.push({
      kind: 'stale_backup',
      subject: s.plan,
      cause: `Backup plan "${s.plan}" is stale: ${last}`,
      evidence: `schedule ${s.schedule.cron} (${s.schedule.timezone}) runs every ${ageInWords(s.intervalMs)}; stale past 1.5\u00d7 that (${ageInWords(1.5 * s.intervalMs)}); ${s.lastSuccessAt === null ? `plan made ${ageInWords(s.ageMs)} ago` : `age ${ageInWords(s.ageMs)}`}`,
      ...(s.lastSuccessAt !== null ? { evidenceTime: { label: 'last backup', at: s.lastSuccessAt } } : {}),
      weight: 10,
      backup: { plan: s.plan },
    });
  }
  for (const c of backups.failedChecks()) {
    findings.push({
      kind: 'failed_check',
      subject: c.plan,
      cause: `The repository of backup plan "${c.plan}" failed its check`,
      evidence: `restic check (operation ${c.operation.id}): ${c.operation.error ?? 'failed'}`,
      evidenceTime: { label: 'checked', at: c.operation.finishedAt ?? c.operation.startedAt },
      weight: 10,
      backup: { plan: c.plan },
    });
  }
  const notAssessed: HealthScore['notAssessed'] = backups.planCount() === 0 ? [{ kind: 'stale_backup', reason: 'there is no backup plan yet' }] : [];
  return { findings, notAssessed };
}
