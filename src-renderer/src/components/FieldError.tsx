/** The field an API error blames, when its message does not already start with it. */
export function blamedField(error: { message: string; field?: string | undefined }): string | undefined {
  return error.field && !error.message.startsWith(`${error.field}:`) ? error.field : undefined;
}

/** An error under the control it belongs to, naming the field the API blamed. */
export function FieldError({ id, error }: { id: string; error: { message: string; field?: string | undefined } | undefined }) {
  if (!error) return null;
  const field = blamedField(error);
  return (
    <p id={id} className="field-error" role="alert" data-field={error.field}>
      {field ? <strong>{field}: </strong> : null}
      {error.message}
    </p>
  );
}
