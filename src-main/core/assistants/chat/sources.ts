import type { Approval } from '../../../../shared/contract/approvals';
import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import type { ProductSummary } from '../../../../shared/contract/products';
import type { RevenueMetricsView } from '../../../../shared/contract/revenue-metrics';
import type { Anomaly } from '../../../../shared/contract/telemetry';
import type { RunSummary } from '../../../../shared/contract/workflows';
import type { RunStatus } from '../../../../shared/workflow';

/**
 * What the chat assistant's tools read, handed over by createCore from each owning service's
 * public methods (the assistant imports no other capability). Every method only reads.
 */
export interface ChatSources {
  healthSummary(): ExecutiveSummary;
  runs(filter: { status?: RunStatus; limit: number }): RunSummary[];
  pendingApprovals(limit: number): Approval[];
  anomalies(limit: number): Anomaly[];
  revenueMetrics(): RevenueMetricsView;
  products(): ProductSummary[];
}
