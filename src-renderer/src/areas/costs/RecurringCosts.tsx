import { useState } from 'react';
import type { RecurringCost, RecurringCostFields } from '../../../../shared/contract/costs';
import { formatMinorUnits } from '../../../../shared/money';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { CostForm } from './CostForm';
import { draftOf, emptyDraft } from './cost-input';

const today = () => new Date().toISOString().slice(0, 10);

/** The founder's recurring costs: the list, a form to add one, and edit / remove on each row. */
export function RecurringCosts({ currency, tick, onChanged }: { currency: string; tick: number; onChanged(): void }) {
  const list = useLoad(() => getApi().costs.list({}), [tick]);
  const add = useAction();
  const row = useAction();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);

  const added = async (fields: RecurringCostFields) => {
    if (await add.run(async () => void (await getApi().costs.add(fields)), 'add')) {
      setFormKey((k) => k + 1);
      onChanged();
    }
  };
  const updated = (id: string) => async (fields: RecurringCostFields) => {
    if (await row.run(async () => void (await getApi().costs.update({ id, cost: fields })), 'update')) {
      setEditing(undefined);
      onChanged();
    }
  };
  const removed = async (c: RecurringCost) => {
    if (await row.run(async () => void (await getApi().costs.remove({ id: c.id })), `remove:${c.id}`)) onChanged();
  };

  const costs = list.data?.costs ?? [];
  return (
    <div className="stack">
      <ErrorNotice message={list.error && `Could not read the recurring costs: ${list.error}`} onRetry={list.reload} />
      {list.data && costs.length === 0 ? <p className="empty" data-testid="costs-empty">No recurring costs yet: add your hosting, domains and tools below.</p> : null}
      {costs.length > 0 ? (
        <DataTable columns={['Name', 'Category', numberColumn('Amount'), 'Cycle', 'From', 'To', { label: 'Actions', hidden: true }]} label="Recurring costs" testId="recurring-costs">
          {costs.map((c) =>
            editing === c.id ? (
              <tr key={c.id}>
                <td colSpan={7}>
                  <CostForm label={`Edit ${c.name}`} start={draftOf(c)} submitLabel="Save" busy={row.running === 'update'} error={row.error} onSubmit={(f) => void updated(c.id)(f)} onCancel={() => setEditing(undefined)} />
                </td>
              </tr>
            ) : (
              <tr key={c.id} data-testid="recurring-cost">
                <td>{c.name}</td>
                <td>{c.category}</td>
                <td className="num">{formatMinorUnits(c.amountMinor, c.currency)}</td>
                <td>{c.cycle}</td>
                <td>{c.startDate}</td>
                <td>{c.endDate ?? '—'}</td>
                <td className="actions">
                  <button type="button" className="button button--ghost" onClick={() => setEditing(c.id)}>
                    Edit
                  </button>
                  <button type="button" className="button button--ghost" disabled={row.pending} onClick={() => void removed(c)}>
                    Remove
                  </button>
                </td>
              </tr>
            ),
          )}
        </DataTable>
      ) : null}
      <ErrorNotice message={editing === undefined ? row.error : undefined} inline />
      <h3>Add a recurring cost</h3>
      <CostForm key={formKey} label="New cost" start={emptyDraft(currency, today())} submitLabel="Add cost" busy={add.pending} error={add.error} onSubmit={(f) => void added(f)} />
    </div>
  );
}
