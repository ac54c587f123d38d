import { hrefWith } from '../../routing/hash-params';

/** Where a package change waits: the founder's approval in the inbox, linked. */
export function ApprovalWaiting({ id, what }: { id: string; what: string }) {
  return (
    <p className="rv-approval-waiting" role="status" data-testid="package-approval-waiting">
      {what} waits for your approval:{' '}
      <a href={hrefWith('approvals', { id })} data-testid="package-approval-link">
        open it in the Approvals inbox
      </a>
      . Nothing changes in Stripe until it is approved.
    </p>
  );
}
