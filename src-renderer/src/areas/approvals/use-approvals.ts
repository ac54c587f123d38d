import { useEffect, useRef, useState } from 'react';
import type { LevqorError } from '../../../../shared/contract';
import type { Approval } from '../../../../shared/contract/approvals';
import { getApi } from '../../api/client';
import { useLiveResource } from '../../hooks/use-live-resource';
import { applyApprovalEvent } from './format';

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

/** The pending count for the sidebar: one list call, then the events alone keep it current. */
export function usePendingCount(): number | undefined {
  const [pending, setPending] = useState<Set<string> | undefined>(undefined);
  const seen = useRef(new Map<string, string>());

  useEffect(() => {
    let live = true;
    const api = getApi();
    const onEvent = (a: Approval) => {
      seen.current.set(a.id, a.status);
      setPending((p) => (p ? applyApprovalEvent(p, a) : p));
    };
    const offs = [api.on('approval.requested', onEvent), api.on('approval.decided', onEvent)];
    api.approvals
      .list({ status: 'pending', limit: 500 })
      .then((out) => {
        if (!live) return;
        let set = new Set(out.approvals.map((a) => a.id));
        // events that arrived while the list was loading win
        for (const [id, status] of seen.current) set = applyApprovalEvent(set, { id, status });
        setPending(set);
      })
      .catch(() => {
        // no badge rather than a wrong one
      });
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, []);

  return pending?.size;
}

/** Re-renders every second while mounted, for the countdowns. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}
