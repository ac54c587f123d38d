import type { ProcedureOutput } from '../../../../shared/contract';
import { hrefWith } from '../../routing/hash-params';

export type Applied = ProcedureOutput<'backup.pageApplyRetention'>;

/** What applying the retention did: asked for approval (with the link), removed snapshots, or nothing to remove. */
export function RetentionApplied({ applied }: { applied: Applied }) {
  const { approval, operation, remove } = applied;
  if (approval) {
    return (
      <p className="notice" data-testid="retention-applied" data-outcome="approval">
        Asked for your approval to remove {remove.length} snapshot(s): nothing is removed until you approve it.{' '}
        <a href={hrefWith('approvals', { id: approval.id })} data-testid="retention-approval-link">
          Open it in Approvals
        </a>
      </p>
    );
  }
  if (operation) {
    return (
      <p className="notice" data-testid="retention-applied" data-outcome={operation.status}>
        {operation.status === 'succeeded' ? `Removed ${operation.files ?? remove.length} snapshot(s) and pruned the repository.` : `The forget ${operation.status}: ${operation.error ?? ''}`} It is in the history below.
      </p>
    );
  }
  return (
    <p className="notice" data-testid="retention-applied" data-outcome="nothing">
      The policy removes nothing now: every snapshot is kept.
    </p>
  );
}
