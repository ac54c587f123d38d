import { approvalSubjectKinds, type Approval } from '../../../shared/contract/approvals';
import { approvalStatusSchema } from '../../../shared/workflow';
import { command, readPositionals, type Command } from '../command';
import { formatRows } from '../format';
import { choiceOption, givenOnly, parseChoiceOption } from '../options';
import { procedureCommand } from '../procedure-command';

function line(a: Approval): string {
  const left = a.status === 'pending' && a.expiresAt ? `  expires ${new Date(a.expiresAt).toISOString()}` : '';
  const what = a.subject.kind === 'step' ? `${a.workflowName} › ${a.nodeId} (${a.stepType})` : `[${a.subject.kind}] ${a.subject.title}`;
  const outcome = a.outcome ? `  → ${a.outcome.message}` : '';
  return `${a.status.padEnd(9)} class ${a.class}  ${what}  ${a.message}${left}${outcome}`;
}

function decide(decision: 'approve' | 'reject'): Command {
  const usage = `approvals ${decision} ID [--reason R]`;
  return command({
    usage,
    summary:
      decision === 'approve'
        ? 'Approve a waiting request: a step\u2019s run continues, an upload is sent, a healing action applied (an app update installs only in the desktop app; a restore of the app\u2019s data runs here, or only in levqor serve or the desktop app while one has the data open).'
        : 'Reject a waiting request: a step fails, an upload is marked rejected, a healing action is not applied, an app update is not installed.',
    options: { reason: { type: 'string', description: 'why (kept in the audit trail)' } },
    async run(ctx, args) {
      const [id] = readPositionals(args, ['ID'], usage);
      const input = { id, by: 'cli', ...(typeof args.values.reason === 'string' ? { reason: args.values.reason } : {}) };
      const decided = await ctx.call(decision === 'approve' ? 'approvals.approve' : 'approvals.reject', input);
      // the decision acts in this process (the run continues, the upload goes out, the healing
      // action applies): let it finish, then show what happened
      await ctx.core().approvals.settled();
      await ctx.core().engine.drain();
      const approval = decided.subject.kind === 'step' ? decided : ctx.core().approvals.get(decided.id);
      ctx.print(approval, () => `approval ${approval.id}: ${approval.status}${approval.outcome ? ` → ${approval.outcome.message}` : ''}`);
    },
  });
}

export const approvalsCommands: Command[] = [
  procedureCommand('approvals.list', {
    usage: 'approvals list [--status S] [--kind K]',
    summary: 'Approval requests of every kind (steps, uploads, healing actions, app updates), pending first.',
    options: {
      status: choiceOption('status', approvalStatusSchema.options),
      kind: choiceOption('subject', approvalSubjectKinds),
    },
    input: (_, values) => givenOnly({ status: parseChoiceOption(values.status, 'status', approvalStatusSchema.options), kind: parseChoiceOption(values.kind, 'kind', approvalSubjectKinds) }),
    show: ({ approvals }) => (approvals.length === 0 ? 'No approvals.' : formatRows(approvals.map((a) => [a.id, line(a)]))),
  }),
  decide('approve'),
  decide('reject'),
];
