import { useState } from 'react';
import { auditOutcomes } from '../../../../shared/contract/audit';
import { getApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { downloadFile } from './download';
import { emptyFilter, toFilter, type FilterForm } from './filters';
import './audit.css';

const columns = ['When', 'Who', 'What', 'Stage', 'Subject', 'Outcome'];

/**
 * The audit log: every approval, stage switch and action that left the machine, newest first,
 * filtered by date range, kind, outcome and text, exported as CSV or JSON (audit.export gives
 * the content; the browser saves it).
 */
export default function AuditArea() {
  const [form, setForm] = useState<FilterForm>(emptyFilter);
  const filter = toFilter(form);
  const list = useLoad(() => getApi().audit.list(filter), [JSON.stringify(filter)]);
  const exporting = useAction();
  const set = (key: keyof FilterForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const exportAs = (format: 'csv' | 'json') => void exporting.run(async () => downloadFile(await getApi().audit.export({ ...filter, format })), format);
  const entries = list.data?.entries ?? [];

  return (
    <div className="stack audit-page">
      <form className="audit-filters card" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={form.from} onChange={set('from')} data-testid="audit-from" />
        </label>
        <label>
          To <input type="date" value={form.to} onChange={set('to')} data-testid="audit-to" />
        </label>
        <label>
          Kind
          <select value={form.kind} onChange={set('kind')} data-testid="audit-kind">
            <option value="">all</option>
            {(list.data?.kinds ?? []).map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={form.outcome} onChange={set('outcome')} data-testid="audit-outcome">
            <option value="">all</option>
            {auditOutcomes.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <label>
          Text <input type="search" value={form.text} onChange={set('text')} placeholder="who, what, subject…" data-testid="audit-text" />
        </label>
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={() => exportAs('csv')} disabled={exporting.pending}>
            Export CSV
          </button>
          <button type="button" className="button button--ghost" onClick={() => exportAs('json')} disabled={exporting.pending}>
            Export JSON
          </button>
        </div>
      </form>
      <FieldError id="audit-export-error" error={exporting.error} />
      <ErrorNotice message={list.error} onRetry={list.reload} />
      {list.data && entries.length === 0 ? <p className="empty">No audit entry matches these filters.</p> : null}
      {entries.length > 0 ? (
        <DataTable columns={columns} className="audit-table" label="Audit log" testId="audit-table">
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row" title={e.detail ?? undefined}>
              <td>
                <When at={e.at} />
              </td>
              {[e.who, e.what, e.stage, e.subject, e.outcome].map((text, i) => (
                <td key={columns[i + 1]}>{text}</td>
              ))}
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
