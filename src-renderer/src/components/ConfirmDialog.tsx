import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * A modal question with a destructive confirm button (native <dialog>: focus trap, Escape
 * closes). Rendered only while open.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  dismissLabel?: string;
  busy?: boolean;
  error?: string | undefined;
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
      className="wfx-dialog"
      aria-labelledby="wfx-dialog-title"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="wfx-dialog-title">{title}</h2>
      <div className="wfx-dialog__body">{children}</div>
      <ErrorNotice message={error} inline />
      <div className="actions wfx-dialog__actions">
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
