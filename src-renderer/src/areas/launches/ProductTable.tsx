import type { ProductSummary } from '../../../../shared/contract/products';
import { DataTable } from '../../components/DataTable';
import { toneClass } from '../../components/tone';
import { formatBytes, formatPrice, productStatusTone } from './format';
import { UploadBadge } from './UploadBadge';

/** Every product spec in the folder, valid or not, with its last build and upload. */
export function ProductTable({ products, selected, onSelect }: { products: ProductSummary[]; selected: string | undefined; onSelect(slug: string): void }) {
  return (
    <DataTable className="lx-table" label="Products" columns={['Product', 'Price', 'Status', 'Last build', 'Upload']}>
      {products.map((p) => (
        <tr key={p.slug} aria-current={p.slug === selected ? 'true' : undefined} data-testid={`product-row-${p.slug}`}>
          <th scope="row">
            <button type="button" className="bare lx-table__open" onClick={() => onSelect(p.slug)}>
              <span className="lx-table__name">{p.name ?? p.slug}</span>
              <code className="lx-table__slug">{p.slug}</code>
            </button>
            {!p.valid ? (
              <span className="lx-table__invalid" title={p.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n')}>
                invalid spec: {p.errors.length} problem{p.errors.length === 1 ? '' : 's'}
              </span>
            ) : null}
          </th>
          <td className="num">{p.price !== undefined ? formatPrice(p.price, p.currency) : '—'}</td>
          <td>
            {p.status ? <span className={`pill pill--outlined ${toneClass(productStatusTone[p.status])}`}>{p.status}</span> : '—'}
            {p.version ? <span className="muted lx-version">v{p.version}</span> : null}
          </td>
          <td>
            {p.lastBuild ? (
              <span className="lx-build">
                <code title={p.lastBuild.sha256}>{p.lastBuild.sha256.slice(0, 12)}</code>
                <span className="muted">{formatBytes(p.lastBuild.bytes)}</span>
              </span>
            ) : (
              <span className="muted">{p.hasContent ? 'not compiled yet' : 'no content folder'}</span>
            )}
          </td>
          <td>
            <UploadBadge upload={p.upload} hasBuild={p.lastBuild !== undefined} showDetail={p.upload?.status === 'failed'} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
