/** The field an API error blames, when its message does not already start with it. */
export function blamedField(error: { message: string; field?: string | undefined }): string | undefined {
  return error.field && !error.message.startsWith(`${error.field}:`) ? error.field : undefined;
}

/**
 * An error under the control it belongs to, naming the field the API blamed, unless `named`:
 * the message names it already in the founder's words (a setting's label).
 */
export function FieldError({ id, error, named = false }: { id: string; error: { message: string; field?: string | undefined } | undefined; named?: boolean }) {
  if (!error) return null;
  const field = named ? undefined : blamedField(error);
  return (
    <p id={id} className="field-error" role="alert" data-field={error.field}>
      {field ? <strong>{field}: </strong> : null}
      {error.message}
    </p>
  );
}
