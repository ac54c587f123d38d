/** A failed action's message, announced to screen readers; nothing when there is none. */
export function ErrorLine({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}
