/** Validation messages under a form field (from `workflows.validate` or a local parse). */
export function FieldErrors({ messages, testId }: { messages: readonly string[] | undefined; testId?: string }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul className="wfe-field__errors" role="alert" data-testid={testId}>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
