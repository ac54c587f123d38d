import type { Monitor } from '../../../shared/contract/guardian';
import type { WorkflowSummary } from '../../../shared/contract/workflows';
import type { StepClass } from '../../../shared/workflow';
import type { StalePlan } from '../backup-port';
import type { FailedPayments } from '../revenue-port';

/** An endpoint's traffic over one window, from the telemetry day rollups. */
export interface EndpointLatency {
  endpoint: string;
  method: string;
  requests: number;
  p95Ms: number;
}

/** A customer whose MRR was above zero at the start of this month and is zero now. */
export interface ChurnedCustomer {
  id: string;
  name: string | null;
  email: string | null;
  /** Minor units of the report currency. */
  mrrLost: number;
}

/** A product still a draft, with its optional launch date and its Omega checklist. */
export interface LaunchFacts {
  slug: string;
  name: string;
  /** Epoch ms of the launch day's start (UTC), or null when the spec has no launchDate. */
  launchAt: number | null;
  /** The Omega checklist's counts, read only when the rule needs them (it reads every slot's file). */
  slots(): { filled: number; total: number };
}

/**
 * What the rules read, as createCore hands it over from each owning service's public methods,
 * so insights imports none of those capabilities. Every read is of local data (works offline).
 */
export interface InsightSources {
  revenue: {
    /** This month's gross MRR churn rate (0..1) and MRR at the month's start, or null without Stripe data. */
    churn(): { month: string; currency: string; grossMrrChurnRate: number | null; mrrStart: number; churn: number } | null;
    churnedCustomers(): ChurnedCustomer[];
    failedPayments(sinceMs: number): FailedPayments;
  };
  /** Per endpoint over [from, to): requests and p95. */
  endpointLatency(from: number, to: number): EndpointLatency[];
  /** Draft products with their launch date and Omega slots. */
  launches(): LaunchFacts[];
  /** Workflows with their 30-day success rate. */
  workflows(): WorkflowSummary[];
  /** Finished runs of a workflow since `since`: how many, how many failed. */
  runCounts(workflowId: string, since: number): { finished: number; failed: number };
  monitors(): Monitor[];
  backups: { stalePlans(now: number): StalePlan[] };
  /** DFY requests in the stage `paid` (not yet in progress), with when each was paid. */
  paidDfyRequests(): { id: string; name: string | null; paidAt: number }[];
  /** The current healing plan's steps a founder can approve here: id (`<action>:<target>`) and class. */
  healingSteps(): { id: string; class: StepClass }[];
}
