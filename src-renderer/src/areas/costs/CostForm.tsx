import { useState } from 'react';
import type { RecurringCostFields } from '../../../../shared/contract/costs';
import { costCycles, recurringCategories } from '../../../../shared/costs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { costInput, type CostDraft } from './cost-input';

export type FormError = { message: string; field?: string | undefined };

const draftKey: Record<string, keyof CostDraft> = { name: 'name', category: 'category', amountMinor: 'amount', currency: 'currency', cycle: 'cycle', startDate: 'startDate', endDate: 'endDate' };

/** A recurring cost's fields; an error the API or the local check blames on a field shows under it. */
export function CostForm({ label, start, submitLabel, busy, error, onSubmit, onCancel }: { label: string; start: CostDraft; submitLabel: string; busy: boolean; error: FormError | undefined; onSubmit(fields: RecurringCostFields): void; onCancel?: () => void }) {
  const [draft, setDraft] = useState(start);
  const [local, setLocal] = useState<FormError | undefined>(undefined);
  const shown = local ?? error;
  const at = shown?.field !== undefined ? draftKey[shown.field] : undefined;
  const set = (key: keyof CostDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const errorOf = (key: keyof CostDraft) => (at === key ? <FieldError id={`${label}-${key}-error`} error={shown} /> : null);
  const input = (key: keyof CostDraft, title: string, extra: { inputMode?: 'decimal'; maxLength?: number; placeholder?: string } = {}) => (
    <label className="field">
      <span>{title}</span>
      <input className="input" value={draft[key]} onChange={set(key)} aria-invalid={at === key} {...extra} />
      {errorOf(key)}
    </label>
  );
  const select = (key: keyof CostDraft, title: string, choices: readonly string[]) => (
    <label className="field">
      <span>{title}</span>
      <select className="input" value={draft[key]} onChange={set(key)} aria-invalid={at === key}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      {errorOf(key)}
    </label>
  );

  return (
    <form
      className="stack cs-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = costInput(draft);
        if (!checked.ok) return setLocal({ field: checked.field, message: checked.message });
        setLocal(undefined);
        onSubmit(checked.fields);
      }}
    >
      <div className="cs-form__row">
        {input('name', 'Name', { placeholder: 'Hetzner VPS', maxLength: 120 })}
        {select('category', 'Category', recurringCategories)}
        {input('amount', 'Amount', { inputMode: 'decimal', placeholder: '4.90' })}
        {input('currency', 'Currency', { maxLength: 3 })}
        {select('cycle', 'Cycle', costCycles)}
        {input('startDate', 'First day', { placeholder: 'YYYY-MM-DD' })}
        {input('endDate', 'Last day (optional)', { placeholder: 'YYYY-MM-DD' })}
      </div>
      <ErrorNotice message={shown && at === undefined ? shown.message : undefined} inline />
      <div className="actions">
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
