import { defineInsightRule, evidence, healingOr, openArea, span } from '../rule-kit';

/**
 * Backups stale: a plan whose last successful backup is older than its schedule allows
 * (backups' own stale rule: more than twice its interval). The action asks for Guardian's
 * healing step `run_backup_now:<plan>` when the plan has it.
 */
export const staleBackupsRule = defineInsightRule({
  id: 'stale-backups',
  area: 'reliability',
  evaluate: (ctx) =>
    ctx.sources.backups.stalePlans(ctx.now).map((p) => {
      const { action, class: cls } = healingOr(ctx, { action: 'run_backup_now', target: p.plan, label: `Ask to run a backup of "${p.plan}" now` }, openArea('backups', 'Open Backups'));
      return {
        id: `stale-backups:${p.planId}`,
        severity: 'warning',
        finding: p.lastSuccessAt === null ? `Backup plan "${p.plan}" has never succeeded (${span(p.ageMs)} since it was made)` : `Backup plan "${p.plan}" is stale: its last successful backup is ${span(p.ageMs)} old`,
        evidence: [evidence('backup.facts', 'age of the last success (h)', Math.round(p.ageMs / 3_600_000)), evidence('backup.facts', 'schedule interval (h)', Math.round(p.intervalMs / 3_600_000))],
        impact: 'a disk failure now loses everything since the last backup',
        suggestedAction: action,
        class: cls,
      } as const;
    }),
});
