import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

/**
 * A modal question with a destructive confirm button (native <dialog>: focus trap, Escape
 * closes). Rendered only while open. `wide` for a question that lists what it would do.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  busy,
  error,
  wide = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  dismissLabel?: string;
  busy?: boolean;
  error?: string | undefined;
  wide?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby="dialog-title"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="dialog-title">{title}</h2>
      <div className="dialog__body">{children}</div>
      <ErrorNotice message={error} inline />
      <div className="actions dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          {dismissLabel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy} autoFocus>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
