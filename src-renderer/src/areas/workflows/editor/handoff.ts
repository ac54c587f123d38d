import type { EditorStore } from './doc-store';

/**
 * The first save of a new workflow moves the editor from `#/workflows/new` to
 * `#/workflows/<id>`, which mounts a fresh page. The editor's store (document, undo history,
 * selection) is handed over here so that the move loses nothing.
 */
let kept: { id: string; store: EditorStore } | undefined;

export function keepStore(id: string, store: EditorStore): void {
  kept = { id, store };
}

export function takeStore(id: string | undefined): EditorStore | undefined {
  if (!kept || kept.id !== id) return undefined;
  const store = kept.store;
  kept = undefined;
  return store;
}
