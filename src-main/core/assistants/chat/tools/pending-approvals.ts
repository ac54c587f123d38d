import { z } from 'zod';
import { defineChatTool, rowLimit } from '../chat-tool';

export const pendingApprovalsTool = defineChatTool({
  name: 'pending_approvals',
  description: 'Approval requests waiting for the founder\u2019s decision, oldest first: what they are about, their class (A/B/C), when asked and when they expire.',
  input: z.object({ limit: rowLimit(20) }).strict(),
  execute: ({ limit }, { sources }) => {
    const pending = sources.pendingApprovals(limit);
    return {
      count: pending.length,
      approvals: pending.map((a) => ({ id: a.id, kind: a.subject.kind, action: a.stepType, class: a.class, message: a.message, workflowName: a.workflowName, runId: a.runId, workflowId: a.workflowId, requestedAt: new Date(a.requestedAt).toISOString(), expiresAt: a.expiresAt === null ? null : new Date(a.expiresAt).toISOString() })),
    };
  },
});
