import type { Approval } from '../../../../../shared/contract/approvals';
import { getApi } from '../../../api/client';
import { hrefFor } from '../../../routing/use-hash-route';
import { PreviewFields } from '../../../components/PreviewFields';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { ClassBadge } from '../../../components/ClassBadge';

/** The run's open approval requests: decide here, or in the Approvals inbox. */
export function PendingApprovals({ approvals }: { approvals: Approval[] }) {
  const deciding = useAction();
  const pending = approvals.filter((a) => a.status === 'pending');
  if (pending.length === 0) return null;
  const decide = (a: Approval, decision: 'approve' | 'reject') =>
    void deciding.run(async () => {
      if (decision === 'approve') await getApi().approvals.approve({ id: a.id });
      else await getApi().approvals.reject({ id: a.id, reason: 'rejected from the run view' });
    });
  return (
    <div className="card section wfx-approvals" data-testid="run-approvals">
      {pending.map((a) => (
        <div key={a.id} className="wfx-approval" data-testid={`run-approval-${a.id}`}>
          <div className="wfx-approval__text">
            <strong>Waiting for your approval: {a.message}</strong>
            <span className="muted">
              step <code>{a.nodeId}</code> · <ClassBadge small cls={a.class} testId="run-approval-class" /> ·{' '}
              <a href={hrefFor('approvals')} data-testid="open-approvals">
                open the Approvals inbox
              </a>
            </span>
            {a.preview !== undefined && a.preview !== null ? <PreviewFields value={a.preview} testId="run-approval-preview" /> : null}
          </div>
          <div className="actions">
            <button type="button" className="button" disabled={deciding.pending} onClick={() => decide(a, 'approve')}>
              Approve
            </button>
            <button type="button" className="button button--ghost" disabled={deciding.pending} onClick={() => decide(a, 'reject')}>
              Reject
            </button>
          </div>
        </div>
      ))}
      <ErrorNotice message={deciding.error?.message} inline />
    </div>
  );
}
