import { useEffect, useRef } from 'react';

/** A native <dialog> opened as a modal once it is in the page (focus trap, Escape, backdrop). */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
