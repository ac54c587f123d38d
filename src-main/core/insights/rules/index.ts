import type { InsightRule } from '../rule-kit';
import { dfyNotStartedRule } from './dfy-not-started';
import { endpointP95Rule } from './endpoint-p95';
import { failedPaymentsRule } from './failed-payments';
import { failingWorkflowRule } from './failing-workflow';
import { monitorDownRule } from './monitor-down';
import { mrrChurnRule } from './mrr-churn';
import { omegaSlotsRule } from './omega-slots';
import { staleBackupsRule } from './stale-backups';

/** The AI CEO's rules; a new rule is one file here and one entry in this list. */
export const insightRules: readonly InsightRule[] = [monitorDownRule, staleBackupsRule, failingWorkflowRule, endpointP95Rule, mrrChurnRule, failedPaymentsRule, dfyNotStartedRule, omegaSlotsRule];
