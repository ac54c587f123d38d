import type { DataMapRow } from '../../../../shared/contract/compliance';
import { DataTable } from '../../components/DataTable';
import { erasureWords } from './format';

/** The data map: the tables with personal data first, then the rest. */
export function DataMapTable({ tables }: { tables: readonly DataMapRow[] }) {
  const rows = [...tables].sort((a, b) => Number(b.personal.length > 0) - Number(a.personal.length > 0));
  return (
    <DataTable columns={['Table', 'Personal data', 'Lawful basis', 'Retention', 'On erasure']} label="Data map" testId="compliance-data-map">
      {rows.map((t) => (
        <tr key={`${t.store}:${t.table}`} data-table-name={`${t.store}:${t.table}`}>
          <td>
            <code>{t.table}</code> <span className="muted">{t.store === 'local' ? 'this app' : 'shared database'}</span>
            <div className="muted">{t.purpose}</div>
          </td>
          <td>{t.personal.length ? t.personal.join(', ') : <span className="muted">none</span>}</td>
          <td>{t.basis}</td>
          <td>{t.retention}</td>
          <td>{erasureWords[t.erasure]}</td>
        </tr>
      ))}
    </DataTable>
  );
}
