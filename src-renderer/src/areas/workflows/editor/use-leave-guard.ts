import { useEffect, useRef } from 'react';

const message = 'This workflow has unsaved changes. Leave without saving?';

/**
 * Warns before unsaved changes are lost: closing or reloading the window (beforeunload), a
 * click on an in-app link (asked before the address changes, since the routers re-render as
 * soon as it does), and back/forward (hashchange), where a refusal puts the address back.
 */
export function useLeaveGuard(dirty: boolean): { allowNextLeave(): void } {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const allow = useRef(false);
  useEffect(() => {
    let here = window.location.hash;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current || allow.current) return;
      e.preventDefault();
      e.returnValue = message;
    };
    const onHashChange = (e: HashChangeEvent) => {
      const allowed = allow.current;
      allow.current = false;
      if (allowed || !dirtyRef.current || window.confirm(message)) {
        here = window.location.hash;
        return;
      }
      // Put the editor's address back before the routers read it (they re-render after this
      // handler), without adding a history entry.
      window.history.replaceState(null, '', new URL(e.oldURL).hash || here);
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      const href = link?.getAttribute('href') ?? '';
      if (!href.startsWith('#') || href === window.location.hash || !dirtyRef.current) return;
      if (window.confirm(message)) {
        allow.current = true;
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('hashchange', onHashChange, { capture: true });
    window.document.addEventListener('click', onClick, { capture: true });
    return () => {
      window.document.removeEventListener('click', onClick, { capture: true });
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('hashchange', onHashChange, { capture: true });
    };
  }, []);
  return { allowNextLeave: () => (allow.current = true) };
}
