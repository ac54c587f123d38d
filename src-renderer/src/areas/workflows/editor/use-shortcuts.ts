import { useEffect, useRef } from 'react';

export interface Shortcuts {
  save(): void;
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  remove(): void;
  selectAll(): void;
}

/** Shown in tooltips: the same keys the handler below listens to. */
export const keys = {
  save: 'Ctrl+S',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Y or Ctrl+Shift+Z',
  copy: 'Ctrl+C',
  paste: 'Ctrl+V',
  remove: 'Delete',
};

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * The editor's keyboard: Ctrl/Cmd+S always saves; the others act on the graph only when the
 * focus is not in a form field (where undo, copy and delete belong to the field).
 */
export function useShortcuts(handlers: Shortcuts): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        ref.current.save();
        return;
      }
      if (typing(e.target)) return;
      if (mod && key === 'z' && !e.shiftKey) ref.current.undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) ref.current.redo();
      else if (mod && key === 'c') ref.current.copy();
      else if (mod && key === 'v') ref.current.paste();
      else if (mod && key === 'a') ref.current.selectAll();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) ref.current.remove();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
