import { useEffect, useRef, useState } from 'react';
import type { Approval } from '../../../shared/contract/approvals';
import { getApi } from '../api/client';

/** Pending ids after an approval event: requested adds, any decision removes. */
export function applyApprovalEvent(pending: ReadonlySet<string>, a: { id: string; status: string }): Set<string> {
  const next = new Set(pending);
  if (a.status === 'pending') next.add(a.id);
  else next.delete(a.id);
  return next;
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
