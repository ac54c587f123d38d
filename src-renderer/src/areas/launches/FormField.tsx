import type { ReactNode } from 'react';
import type { SpecError } from '../../../../shared/product';
import { errorText, type FormField as Field } from './product-form';

/** A labelled control with its live schema errors, or the server's, underneath. */
export function FormRow({
  field,
  label,
  hint,
  errors,
  serverError,
  wide,
  children,
}: {
  field: Field;
  label: string;
  hint?: ReactNode;
  errors: SpecError[] | undefined;
  serverError?: string | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  const id = `product-${field}`;
  return (
    <div className={`field lx-field${wide ? ' lx-field--wide' : ''}`} data-testid={`field-${field}`}>
      <label htmlFor={id} className="lx-field__label">
        {label}
      </label>
      {children}
      <div id={`${id}-error`} className="lx-field__status">
        {errors?.map((e) => (
          <p key={`${e.path}:${e.message}`} className="field-error" data-path={e.path}>
            {errorText(field, e)}
          </p>
        ))}
        {serverError ? (
          <p className="field-error" role="alert" data-source="server">
            {serverError}
          </p>
        ) : null}
        {!errors?.length && !serverError && hint ? <p className="lx-field__hint muted">{hint}</p> : null}
      </div>
    </div>
  );
}
