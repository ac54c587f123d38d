import { z } from 'zod';
import { defineChatTool } from '../chat-tool';

export const healthSummaryTool = defineChatTool({
  name: 'health_summary',
  description: 'Guardian\u2019s executive summary now: health score and trend, top issues, monitors up/down, pending approvals, failed runs in the last 24 h, traffic and errors of the last hour.',
  input: z.object({}).strict(),
  execute: (_input, { sources }) => {
    const s = sources.healthSummary();
    return {
      score: s.score,
      trend: s.trend,
      topIssues: s.topIssues,
      monitors: s.monitors,
      pendingApprovals: s.pendingApprovals.count,
      failedRuns24h: s.failedRuns24h,
      trafficLastHour: s.traffic,
      appLogLastHour: s.appLog,
      openAnomalies: s.anomalies.length,
    };
  },
});
