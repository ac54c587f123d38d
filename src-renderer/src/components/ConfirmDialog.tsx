import type { ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';
import { Modal } from './Modal';

/** A modal question with a destructive confirm button. Rendered only while open. `wide` for a question that lists what it would do. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  busy,
  confirmDisabled = false,
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
  /** The confirm button stays off (what blocks it is said in the body). */
  confirmDisabled?: boolean;
  error?: string | undefined;
  wide?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Modal title={title} className={wide ? 'dialog--wide' : undefined} testId="confirm-dialog" busy={busy} onClose={onCancel}>
      <div className="dialog__body">{children}</div>
      <ErrorNotice message={error} inline />
      <div className="actions dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          {dismissLabel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy || confirmDisabled} autoFocus>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
