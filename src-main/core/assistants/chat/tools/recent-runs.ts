import { z } from 'zod';
import { runStatusSchema } from '../../../../../shared/workflow';
import { defineChatTool, rowLimit } from '../chat-tool';

export const recentRunsTool = defineChatTool({
  name: 'recent_runs',
  description: 'The most recent workflow runs, newest first, optionally only those of one status (e.g. failed): workflow, status, when, and the error of a failed run.',
  input: z.object({ status: runStatusSchema.optional(), limit: rowLimit(20) }).strict(),
  execute: ({ status, limit }, { sources }) => {
    const runs = sources.runs({ ...(status ? { status } : {}), limit });
    return {
      count: runs.length,
      runs: runs.map((r) => ({ id: r.id, workflowId: r.workflowId, workflowName: r.workflowName, status: r.status, createdAt: new Date(r.createdAt).toISOString(), error: r.error?.message ?? null })),
    };
  },
});
