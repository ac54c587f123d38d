import type { DfyPackage } from '../../../../shared/contract/revenue-packages';
import { CopyButton } from '../../components/CopyButton';
import { hrefWith } from '../../routing/hash-params';
import { moneyText } from './format';

/** One DFY package: what it is, whether it is on sale, its payment link, a change waiting; Change and Archive. */
export function PackageRow({ pkg, onChange, onArchive }: { pkg: DfyPackage; onChange(): void; onArchive(): void }) {
  const onSale = pkg.status === 'active';
  return (
    <li className="rv-package" data-testid="package-row" data-status={pkg.status}>
      <div className="rv-package__head">
        <strong>{pkg.name}</strong>
        <span className="pill pill--muted">{pkg.tier}</span>
        <span className="num" data-testid="package-price">
          {moneyText({ amountMinor: pkg.priceMinor, currency: pkg.currency })}
        </span>
        <span className={`pill ${onSale ? 'tone--good' : 'pill--muted'}`} data-testid="package-status">
          {onSale ? 'On sale' : 'Archived'}
        </span>
      </div>
      {pkg.description ? <p className="muted">{pkg.description}</p> : null}
      <div className="rv-package__link">
        <span className="muted">Payment link{onSale ? '' : ' (deactivated)'}:</span>{' '}
        <a href={pkg.paymentLinkUrl} target="_blank" rel="noreferrer" data-testid="package-link">
          {pkg.paymentLinkUrl}
        </a>
        <CopyButton value={pkg.paymentLinkUrl} what={`the payment link of ${pkg.name}`} />
      </div>
      {pkg.pendingApprovalId ? (
        <p data-testid="package-pending">
          A change waits for your approval: <a href={hrefWith('approvals', { id: pkg.pendingApprovalId })}>open it in the Approvals inbox</a>
        </p>
      ) : null}
      {onSale && !pkg.pendingApprovalId ? (
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={onChange}>
            Change price or name
          </button>
          <button type="button" className="button button--ghost" onClick={onArchive}>
            Archive
          </button>
        </div>
      ) : null}
    </li>
  );
}
