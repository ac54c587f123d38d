/** A dialog form's Cancel and submit buttons; both wait while the submit runs. */
export function DialogActions({ pending, disabled = false, submitLabel, pendingLabel, testId, onCancel }: { pending: boolean; disabled?: boolean; submitLabel: string; pendingLabel: string; testId: string; onCancel(): void }) {
  return (
    <div className="actions dialog__actions">
      <button type="button" className="button button--ghost" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
      <button type="submit" className="button" disabled={pending || disabled} data-testid={testId}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}
