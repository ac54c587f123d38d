import { useState } from 'react';
import type { PipelineKind } from '../../../../shared/pipeline-stages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SavedNotice } from '../../components/SavedNotice';
import { useAction } from '../../hooks/use-action';
import { updateItem, type Item } from './pipeline-api';
import { parseValueInput, valueFields } from './value-input';

/** The founder's own fields of an item (notes, value), saved through revenue.updateLead / updateDfy. */
export function ItemEditForm({ kind, item, onSaved }: { kind: PipelineKind; item: Item; onSaved(item: Item): void }) {
  const start = valueFields(item.value);
  const [notes, setNotes] = useState(item.notes ?? '');
  const [amount, setAmount] = useState(start.amount);
  const [currency, setCurrency] = useState(start.currency);
  const [problem, setProblem] = useState<{ field: string; message: string } | undefined>(undefined);
  const save = useAction();

  const submit = () => {
    const value = parseValueInput(amount, currency);
    if (!value.ok) return setProblem({ field: value.field, message: `${value.field}: ${value.message}` });
    setProblem(undefined);
    void save.run(async () => onSaved(await updateItem(kind, item.id, { notes: notes.trim() === '' ? null : notes, value: value.value })));
  };

  return (
    <form
      className="stack rv-edit"
      aria-label="Edit notes and value"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        <span>Notes</span>
        <textarea className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="rv-edit__value">
        <label className="field">
          <span>Value</span>
          <input className="input" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="empty: no value" />
        </label>
        <label className="field">
          <span>Currency</span>
          <input className="input rv-edit__currency" value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} />
        </label>
      </div>
      <ErrorNotice message={problem ?? save.error} inline />
      <div className="actions">
        <SavedNotice show={save.saved} />
        <button type="submit" className="button" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
