import { z } from 'zod';
import { defineChatTool, rowLimit } from '../chat-tool';

export const telemetryAnomaliesTool = defineChatTool({
  name: 'telemetry_anomalies',
  description: 'Anomalies telemetry detected (error spikes, latency, volume, new errors), newest first, each with the numbers behind it.',
  input: z.object({ limit: rowLimit(10) }).strict(),
  execute: ({ limit }, { sources }) => {
    const anomalies = sources.anomalies(limit);
    return { count: anomalies.length, anomalies: anomalies.map((a) => ({ kind: a.kind, severity: a.severity, subject: a.subject, summary: a.summary, lastSeenAt: new Date(a.lastSeenAt).toISOString(), numbers: a.numbers })) };
  },
});
