import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Modal } from './Modal';

/** A modal question with a destructive confirm button (Modal.tsx). Rendered only while open. */
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
  return (
    <Modal title={title} testId="confirm-dialog" busy={busy} onClose={onCancel}>
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
    </Modal>
  );
}
