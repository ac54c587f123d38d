import type { Approval } from '../../../../shared/contract/approvals';
import type { BackupOperation } from '../../../../shared/contract/backup';
import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import type { PipelineStats } from '../../../../shared/contract/pipeline';
import type { ProductSummary, UploadRecord } from '../../../../shared/contract/products';
import type { RunSummary } from '../../../../shared/contract/workflows';
import type { FailedCheck, StalePlan } from '../../backup-port';
import type { RevenueFacts } from '../../revenue-port';

/**
 * What the briefing reads, as createCore hands it over from each service's public methods, so
 * notify imports none of those capabilities. Every read is of local data (works offline).
 */
export interface BriefingSources {
  /** Guardian's executive summary: score, verdict, monitors, open anomalies. */
  summary(): ExecutiveSummary;
  /** Stored hourly scores since `since`, oldest first. */
  scoreHistory(since: number): { at: number; score: number }[];
  /** Runs created in [from, to), newest first, at most `limit`. */
  runs(from: number, to: number, limit: number): RunSummary[];
  pendingApprovals(limit: number): Approval[];
  products(): ProductSummary[];
  /** Drive uploads, newest first. */
  uploads(): UploadRecord[];
  revenue: RevenueFacts;
  /** Stripe customers created at or after `since` (at most `limit` counted). */
  newCustomers(since: number, limit: number): number;
  pipeline: {
    stats(): { leads: PipelineStats; dfy: PipelineStats };
    /** Leads or DFY requests created at or after `since` (at most `limit` counted). */
    createdSince(kind: 'lead' | 'dfy', since: number, limit: number): number;
    /** Whether the shared Postgres is set up, and the last sync's error. */
    status(): { configured: boolean; lastError?: string | undefined };
  };
  backups: {
    plans(): { id: string; name: string }[];
    /** A plan's operations, newest first. */
    history(plan: string, limit: number): BackupOperation[];
    stalePlans(now: number): StalePlan[];
    failedChecks(): FailedCheck[];
  };
}
