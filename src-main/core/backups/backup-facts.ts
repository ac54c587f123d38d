import type { BackupOperation } from '../../../shared/contract/backup';
import type { BackupFacts, FailedCheck, StalePlan } from '../backup-port';
import type { Db } from '../db/open';
import { withStatements } from '../db/with-statements';
import { CronSchedule } from '../scheduler';
import { operationColumns } from './operation-store';
import type { PlanStore, StoredPlan } from './plan-store';

/** A plan is stale once its last successful backup is older than this many of its schedule's intervals. */
export const staleFactor = 1.5;

const sql = {
  lastSuccess: `SELECT MAX(finished_at) AS at FROM backup_operations WHERE plan_id = ? AND kind = 'backup' AND status = 'succeeded'`,
  lastAnySuccess: `SELECT MAX(finished_at) AS at FROM backup_operations WHERE kind = 'backup' AND status = 'succeeded'`,
  lastCheck: `SELECT ${operationColumns} FROM backup_operations WHERE plan_id = ? AND kind = 'check' AND status != 'running' ORDER BY started_at DESC, id DESC LIMIT 1`,
};

/**
 * The interval a schedule promises after `from`: the gap between its next two fire times
 * (for a weekday schedule read on a Friday, Monday to Tuesday), or undefined when it never fires again.
 */
export function scheduleInterval(schedule: CronSchedule, from: number): number | undefined {
  const [first, second] = schedule.upcoming(from, 2);
  return first === undefined || second === undefined ? undefined : second - first;
}

/** What Guardian and the stale-backup event read of the plans and their history. */
export class BackupFactsReader extends withStatements(sql) implements BackupFacts {
  constructor(
    db: Db,
    private readonly plans: PlanStore,
  ) {
    super(db);
  }

  planCount(): number {
    return this.plans.list().length;
  }

  lastSuccessAt(): number | undefined {
    return (this.s.lastAnySuccess.get() as { at: number | null }).at ?? undefined;
  }

  stalePlans(now: number): StalePlan[] {
    return this.plans.list().flatMap((p) => {
      const stale = this.staleness(p, now);
      return stale ? [stale] : [];
    });
  }

  failedChecks(): FailedCheck[] {
    return this.plans.list().flatMap((p) => {
      const op = this.s.lastCheck.get(p.id) as BackupOperation | undefined;
      return op && op.status === 'failed' ? [{ planId: p.id, plan: p.name, operation: op }] : [];
    });
  }

  /** The plan's staleness now, or undefined when it has no schedule or is within 1.5× its interval. */
  staleness(plan: StoredPlan, now: number): StalePlan | undefined {
    if (plan.scheduleCron === null) return undefined;
    const lastSuccessAt = (this.s.lastSuccess.get(plan.id) as { at: number | null }).at;
    const since = lastSuccessAt ?? plan.createdAt;
    const intervalMs = scheduleInterval(new CronSchedule(plan.scheduleCron, plan.timezone), since);
    if (intervalMs === undefined) return undefined;
    const ageMs = now - since;
    if (ageMs <= staleFactor * intervalMs) return undefined;
    return { planId: plan.id, plan: plan.name, schedule: { cron: plan.scheduleCron, timezone: plan.timezone }, intervalMs, lastSuccessAt, ageMs };
  }
}
