import { useState } from 'react';
import { formatMinorUnits } from '../../../../shared/money';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';

const columns = ['Customer', 'Email', 'Since', numberColumn('Open subscriptions'), numberColumn('MRR now')];

/** The synced Stripe customers, newest first, searched by email, name or id. */
export function CustomersTable({ tick }: { tick: number }) {
  const [query, setQuery] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(() => getApi().revenue.customers({ ...(query.trim() ? { query: query.trim() } : {}), ...(cursor ? { cursor } : {}), limit: 25 }), [query, cursor, tick]);
  const list = page.data?.customers ?? [];
  return (
    <div className="stack" data-testid="customers">
      <div className="toolbar">
        <label className="field rv-search">
          <span>Search customers</span>
          <input
            className="input"
            type="search"
            value={query}
            placeholder="email, name or cus_…"
            onChange={(e) => {
              setQuery(e.target.value);
              setCursors([]);
            }}
          />
        </label>
      </div>
      <ErrorNotice message={page.error && `Could not read the customers: ${page.error}`} onRetry={page.reload} />
      {page.data && list.length === 0 ? <p className="empty">{query ? 'No customer matches.' : 'No customers synced yet.'}</p> : null}
      {list.length > 0 ? (
        <DataTable columns={columns} label="Customers" testId="customer-list">
          {list.map((c) => (
            <tr key={c.id} data-testid="customer-row">
              <td>{c.name ?? c.id}</td>
              <td>{c.email ?? '—'}</td>
              <td>{c.createdAt !== null ? <When at={c.createdAt} /> : '—'}</td>
              <td className="num">{c.openSubscriptions}</td>
              <td className="num">{formatMinorUnits(c.mrr, page.data!.currency)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="actions">
        {cursors.length > 0 ? (
          <button type="button" className="button button--ghost" onClick={() => setCursors((c) => c.slice(0, -1))}>
            Newer
          </button>
        ) : null}
        {page.data?.nextCursor ? (
          <button type="button" className="button button--ghost" onClick={() => setCursors((c) => [...c, page.data!.nextCursor!])}>
            Older
          </button>
        ) : null}
      </div>
    </div>
  );
}
