import { defineApprovalSubject, type ApprovalSubjectDefinition } from '../../approvals';
import type { Runner } from './runner';

/**
 * The `step` subject: a decision on a step's request wakes its run, here unless another
 * process is executing it; the run then goes on, fails or skips as the gate decides. It
 * reports no outcome of its own: the run's steps say what happened.
 */
export function stepApprovalSubject(runner: Pick<Runner, 'wake'>): ApprovalSubjectDefinition {
  return defineApprovalSubject({
    kind: 'step',
    decided: (approval) => {
      if (approval.runId !== null) runner.wake(approval.runId);
    },
  });
}
