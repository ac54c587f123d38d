import type { LevqorError } from '../../../../shared/contract';
import type { Approval } from '../../../../shared/contract/approvals';
import { getApi } from '../../api/client';
import { useLiveResource } from '../../hooks/use-live-resource';

export interface ApprovalsState {
  status: 'loading' | 'ready' | 'error';
  approvals: Approval[];
  error: LevqorError | undefined;
}

/** Every approval (pending first), reloaded on approval.requested / approval.decided / approval.applied. */
const loadApprovals = () => getApi().approvals.list({ limit: 200 }).then((out) => out.approvals);
const approvalEvents = ['approval.requested', 'approval.decided', 'approval.applied'] as const;

export function useApprovals() {
  const { status, data, error, reload } = useLiveResource(loadApprovals, approvalEvents);
  const state: ApprovalsState = { status, approvals: data ?? [], error };
  return { ...state, reload };
}
