import type { BackupOperation, BackupOperationDetail, StalePlanEvent } from '../../shared/contract/backup';

/** A plan whose last successful backup is older than 1.5× its schedule's interval (how old, against which schedule). */
export type StalePlan = Omit<StalePlanEvent, 'at'>;

/** A plan whose latest `restic check` found problems (or could not run). */
export interface FailedCheck {
  planId: string;
  plan: string;
  operation: BackupOperation;
}

/** What Guardian reads of backups at one moment. */
export interface BackupFacts {
  /** How many plans there are (none: there is nothing to judge). */
  planCount(): number;
  stalePlans(now: number): StalePlan[];
  failedChecks(): FailedCheck[];
  /** The newest successful backup of any plan. */
  lastSuccessAt(): number | undefined;
}

/**
 * Backups as other capabilities use them (Guardian's findings and healing, the workflow
 * steps backup.run and backup.check): createCore hands this port over, so none of them
 * imports the backups capability. A plan is named by its name or its id.
 */
export interface BackupPort extends BackupFacts {
  run(plan: string, wait: boolean): Promise<BackupOperation>;
  check(plan: string): Promise<BackupOperationDetail>;
}
