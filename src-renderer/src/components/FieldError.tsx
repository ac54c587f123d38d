import type { LevqorError } from '../../../shared/contract';

/** An API error under the control it belongs to, naming the field the API blamed. */
export function FieldError({ id, error }: { id: string; error: LevqorError | undefined }) {
  if (!error) return null;
  const named = error.field && !error.message.startsWith(`${error.field}:`);
  return (
    <p id={id} className="field-error" role="alert" data-field={error.field}>
      {named ? <strong>{error.field}: </strong> : null}
      {error.message}
    </p>
  );
}
