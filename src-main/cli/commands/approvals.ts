import type { Approval } from '../../../shared/contract/workflows';
import { approvalStatusSchema } from '../../../shared/workflow';
import { CliUsageError, noExtraPositionals, requirePositional, type Command } from '../command';
import { formatRows } from '../format';

function line(a: Approval): string {
  const left = a.status === 'pending' && a.expiresAt ? `  expires ${new Date(a.expiresAt).toISOString()}` : '';
  return `${a.status.padEnd(9)} class ${a.class}  ${a.workflowName} › ${a.nodeId} (${a.stepType})  ${a.message}${left}`;
}

function decide(decision: 'approve' | 'reject'): Command {
  const usage = `approvals ${decision} ID [--reason R]`;
  return {
    path: ['approvals', decision],
    usage,
    summary: decision === 'approve' ? 'Approve a waiting step; its run continues.' : 'Reject a waiting step.',
    options: { reason: { type: 'string', description: 'why (kept in the audit trail)' } },
    async run(ctx, args) {
      const id = requirePositional(args, 0, 'ID', usage);
      noExtraPositionals(args, 1, usage);
      const input = { id, by: 'cli', ...(typeof args.values.reason === 'string' ? { reason: args.values.reason } : {}) };
      const approval = await ctx.call(decision === 'approve' ? 'approvals.approve' : 'approvals.reject', input);
      ctx.print(approval, () => `approval ${approval.id}: ${approval.status}`);
      // the decision continues the run in this process: let it reach its end or next wait
      await ctx.core().engine.drain();
    },
  };
}

export const approvalsCommands: Command[] = [
  {
    path: ['approvals', 'list'],
    usage: 'approvals list [--status S]',
    summary: 'Approval requests, pending first.',
    options: { status: { type: 'string', description: `only this status (${approvalStatusSchema.options.join(', ')})` } },
    async run(ctx, args) {
      noExtraPositionals(args, 0, 'approvals list');
      const status = args.values.status;
      if (typeof status === 'string' && !approvalStatusSchema.safeParse(status).success) {
        throw new CliUsageError(`--status: must be one of ${approvalStatusSchema.options.join(', ')}`);
      }
      const { approvals } = await ctx.call('approvals.list', typeof status === 'string' ? { status: approvalStatusSchema.parse(status) } : {});
      ctx.print({ approvals }, () => (approvals.length === 0 ? 'No approvals.' : formatRows(approvals.map((a) => [a.id, line(a)]))));
    },
  },
  decide('approve'),
  decide('reject'),
];
