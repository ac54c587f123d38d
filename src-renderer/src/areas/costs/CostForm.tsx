import { useState, type FormEvent } from 'react';
import type { RecurringCostFields } from '../../../../shared/contract/costs';
import { costCycles, recurringCategories } from '../../../../shared/costs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { costInput, type CostDraft } from './cost-input';

export type FormError = { message: string; field?: string | undefined };

interface FieldSpec {
  key: keyof CostDraft;
  /** The API's name for it, which an error blames. */
  apiField: keyof RecurringCostFields;
  title: string;
  choices?: readonly string[];
  placeholder?: string;
  maxLength?: number;
  decimal?: boolean;
}

const fieldSpecs: readonly FieldSpec[] = [
  { key: 'name', apiField: 'name', title: 'Name', placeholder: 'Hetzner VPS', maxLength: 120 },
  { key: 'category', apiField: 'category', title: 'Category', choices: recurringCategories },
  { key: 'amount', apiField: 'amountMinor', title: 'Amount', placeholder: '4.90', decimal: true },
  { key: 'currency', apiField: 'currency', title: 'Currency', maxLength: 3 },
  { key: 'cycle', apiField: 'cycle', title: 'Cycle', choices: costCycles },
  { key: 'startDate', apiField: 'startDate', title: 'First day', placeholder: 'YYYY-MM-DD' },
  { key: 'endDate', apiField: 'endDate', title: 'Last day (optional)', placeholder: 'YYYY-MM-DD' },
];

/** A recurring cost's fields, from the table above; an error the API or the local check blames on a field shows under it. */
export function CostForm({ label, start, submitLabel, busy, error, onSubmit, onCancel }: { label: string; start: CostDraft; submitLabel: string; busy: boolean; error: FormError | undefined; onSubmit(fields: RecurringCostFields): void; onCancel?: () => void }) {
  const [draft, setDraft] = useState(start);
  const [local, setLocal] = useState<FormError | undefined>(undefined);
  const shown = local ?? error;
  const blamed = fieldSpecs.find((f) => f.apiField === shown?.field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = costInput(draft);
    setLocal(checked.ok ? undefined : { field: checked.field, message: checked.message });
    if (checked.ok) onSubmit(checked.fields);
  };
  const control = (f: FieldSpec) => {
    const common = { className: 'input', value: draft[f.key], 'aria-invalid': blamed === f, onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [f.key]: e.target.value })) };
    if (!f.choices) return <input {...common} placeholder={f.placeholder} maxLength={f.maxLength} inputMode={f.decimal ? 'decimal' : undefined} />;
    return <select {...common}>{f.choices.map((c) => <option key={c} value={c}>{c}</option>)}</select>;
  };

  return (
    <form className="stack cs-form" aria-label={label} onSubmit={submit}>
      <div className="cs-form__row">
        {fieldSpecs.map((f) => (
          <label key={f.key} className="field">
            <span>{f.title}</span>
            {control(f)}
            {blamed === f ? <FieldError id={`${label}-${f.key}-error`} error={shown} /> : null}
          </label>
        ))}
      </div>
      <ErrorNotice message={shown && !blamed ? shown.message : undefined} inline />
      <div className="actions">
        {onCancel ? <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>Cancel</button> : null}
        <button type="submit" className="button" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  );
}
