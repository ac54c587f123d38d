import type { ChatTool } from '../chat-tool';
import { healthSummaryTool } from './health-summary';
import { recentRunsTool } from './recent-runs';
import { pendingApprovalsTool } from './pending-approvals';
import { telemetryAnomaliesTool } from './telemetry-anomalies';
import { revenueMetricsTool } from './revenue-metrics';
import { launchesTool } from './launches';
import { suggestLinkTool } from './suggest-link';

/** The chat assistant's tools, all read-only. Adding one = one file beside this one and one line here. */
export const chatTools: readonly ChatTool[] = [healthSummaryTool, recentRunsTool, pendingApprovalsTool, telemetryAnomaliesTool, revenueMetricsTool, launchesTool, suggestLinkTool];
