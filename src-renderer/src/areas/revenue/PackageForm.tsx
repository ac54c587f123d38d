import { useState } from 'react';
import type { PackageFields } from '../../../../shared/contract/revenue-packages';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { packageInput, type PackageDraft } from './package-input';

export type FormError = { message: string; field?: string | undefined };

const fieldIds: Record<string, string> = { name: 'name', tier: 'tier', priceMinor: 'price', currency: 'currency', description: 'description' };

/**
 * A DFY package's fields: name, tier, price typed in major units with its currency, description.
 * An error the API blames on a field shows under that field; any other under the form.
 */
export function PackageForm({ label, start, submitLabel, busy, error, onSubmit, onCancel }: { label: string; start: PackageDraft; submitLabel: string; busy: boolean; error: FormError | undefined; onSubmit(fields: PackageFields): void; onCancel?: () => void }) {
  const [draft, setDraft] = useState(start);
  const [local, setLocal] = useState<FormError | undefined>(undefined);
  const shown = local ?? error;
  const at = shown?.field !== undefined ? fieldIds[shown.field] : undefined;
  const set = (key: keyof PackageDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const errorOf = (id: string) => (at === id ? <FieldError id={`${label}-${id}-error`} error={shown} /> : null);
  const field = (id: keyof PackageDraft, title: string, extra: { inputMode?: 'decimal'; maxLength?: number; placeholder?: string } = {}) => (
    <label className="field">
      <span>{title}</span>
      <input className="input" value={draft[id]} onChange={set(id)} aria-invalid={at === id} {...extra} />
      {errorOf(id)}
    </label>
  );

  return (
    <form
      className="stack rv-package-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const input = packageInput(draft);
        if (!input.ok) return setLocal({ field: input.field, message: input.message });
        setLocal(undefined);
        onSubmit(input.fields);
      }}
    >
      <div className="rv-package-form__row">
        {field('name', 'Name')}
        {field('tier', 'Tier', { placeholder: 'starter, growth…' })}
        {field('price', 'Price', { inputMode: 'decimal', placeholder: '499.00' })}
        {field('currency', 'Currency', { maxLength: 3 })}
      </div>
      <label className="field">
        <span>Description</span>
        <textarea className="input" rows={2} value={draft.description} onChange={set('description')} aria-invalid={at === 'description'} />
        {errorOf('description')}
      </label>
      <ErrorNotice message={shown && at === undefined ? shown : undefined} inline />
      <div className="actions">
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Asking…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
