'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { honeypotField, type FormErrorCode } from '../../../../shared/site-forms';

const inputClass = 'mt-1 w-full rounded border border-line bg-page px-3 py-2 text-ink focus:border-flux focus:outline-none';

/** The refusal of one field, in the visitor's language, tied to its input by id. */
export function FieldError({ id, code }: { id: string; code: FormErrorCode | undefined }) {
  const t = useTranslations('forms.errors');
  if (!code) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-danger" data-error={code}>
      {t(code)}
    </p>
  );
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  error: FormErrorCode | undefined;
}

const described = (id: string, error: FormErrorCode | undefined) => (error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

export function TextField({ id, name, label, error, type = 'text', multiline = false }: FieldProps & { type?: 'text' | 'email' | 'number'; multiline?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {multiline ? (
        <textarea id={id} name={name} rows={5} className={inputClass} {...described(id, error)} />
      ) : (
        <input id={id} name={name} type={type} className={inputClass} {...(type === 'email' ? { autoComplete: 'email' } : {})} {...(type === 'number' ? { min: 0, step: 1, inputMode: 'numeric' as const } : {})} {...described(id, error)} />
      )}
      <FieldError id={`${id}-error`} code={error} />
    </div>
  );
}

export function SelectField({ id, name, label, error, options }: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <select id={id} name={name} className={inputClass} {...described(id, error)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError id={`${id}-error`} code={error} />
    </div>
  );
}

export function CheckField({ id, name, label, error }: Omit<FieldProps, 'label'> & { label: ReactNode }) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input id={id} name={name} type="checkbox" className="mt-1 h-4 w-4 accent-flux" {...described(id, error)} />
        <label htmlFor={id} className="text-sm text-muted">{label}</label>
      </div>
      <FieldError id={`${id}-error`} code={error} />
    </div>
  );
}

/** Off-screen and out of the tab order: people never fill it, form-filling bots do. */
export function Honeypot({ id }: { id: string }) {
  return (
    <div aria-hidden="true" className="absolute -start-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={id}>Website</label>
      <input id={id} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** The send button, and what became of the post: sent, or why the whole form was refused. */
export function FormFooter({ id, state, error, sentText, sendLabel }: { id: string; state: 'idle' | 'sending' | 'sent'; error: FormErrorCode | undefined; sentText: string; sendLabel: string }) {
  return (
    <div>
      <button type="submit" disabled={state === 'sending'} className="rounded bg-flux px-4 py-2 text-sm font-medium text-void hover:bg-aurora disabled:opacity-60">
        {sendLabel}
      </button>
      <FieldError id={`${id}-form-error`} code={error} />
      {state === 'sent' ? <p role="status" className="mt-2 text-sm text-aurora" data-testid="form-sent">{sentText}</p> : null}
    </div>
  );
}
