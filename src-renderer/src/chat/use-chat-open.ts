import { useCallback, useEffect, useState } from 'react';

/** Whether the chat panel is open, toggled by its button or Ctrl+J / ⌘J from anywhere in the app. */
export function useChatOpen() {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'j') {
        e.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return { open, toggle, close: useCallback(() => setOpen(false), []) };
}
