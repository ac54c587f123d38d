import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal (native <dialog>: focus trap, Escape closes unless `busy`), its title, and
 * what goes in it. Rendered only while open.
 */
export function Modal({ title, className, testId, busy, onClose, children }: { title: string; className?: string; testId: string; busy?: boolean; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
