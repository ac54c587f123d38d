import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Doc } from './doc-ops';

/**
 * One editor's state: the workflow document (the single source of truth; the canvas is
 * derived from it), its undo/redo history, the selection and what was last saved.
 */
export interface EditorState {
  doc: Doc;
  past: Doc[];
  future: Doc[];
  /** The document as last saved (or opened): unsaved changes = doc differs from it. */
  saved: Doc;
  selectedNodes: string[];
  selectedEdges: string[];
  /** A selection the page asks the canvas to show (paste, problem list); seq says it is new. */
  request: { ids: string[]; seq: number };
  /** Edits with the same key within a short time (typing in one field) make one undo step. */
  lastKey: string | undefined;
  lastAt: number;
}

export interface EditorActions {
  edit(next: Doc | ((doc: Doc) => Doc), key?: string): void;
  undo(): void;
  redo(): void;
  /** What the canvas reports as selected. */
  select(nodes: string[], edges?: string[]): void;
  /** Selects nodes on the canvas from outside it. */
  selectNodes(ids: string[]): void;
  markSaved(doc?: Doc): void;
  reset(doc: Doc, saved: Doc): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

const HISTORY = 200;
const MERGE_MS = 800;

export function createEditorStore(initial: Doc, saved: Doc = initial): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => ({
    doc: initial,
    past: [],
    future: [],
    saved,
    selectedNodes: [],
    selectedEdges: [],
    request: { ids: [], seq: 0 },
    lastKey: undefined,
    lastAt: 0,
    edit(next, key) {
      const s = get();
      const doc = typeof next === 'function' ? next(s.doc) : next;
      if (doc === s.doc) return;
      const now = Date.now();
      const merge = key !== undefined && key === s.lastKey && now - s.lastAt < MERGE_MS;
      set({ doc, past: merge ? s.past : [...s.past, s.doc].slice(-HISTORY), future: [], lastKey: key, lastAt: now });
    },
    undo() {
      const s = get();
      const prev = s.past.at(-1);
      if (!prev) return;
      set({ doc: prev, past: s.past.slice(0, -1), future: [s.doc, ...s.future], lastKey: undefined });
    },
    redo() {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      set({ doc: next, past: [...s.past, s.doc], future: s.future.slice(1), lastKey: undefined });
    },
    select(nodes, edges = []) {
      const s = get();
      if (sameIds(s.selectedNodes, nodes) && sameIds(s.selectedEdges, edges)) return;
      set({ selectedNodes: nodes, selectedEdges: edges });
    },
    selectNodes(ids) {
      set({ selectedNodes: ids, selectedEdges: [], request: { ids, seq: get().request.seq + 1 } });
    },
    markSaved(doc) {
      set({ saved: doc ?? get().doc });
    },
    reset(doc, saved) {
      set({ doc, saved, past: [], future: [], selectedNodes: [], selectedEdges: [], lastKey: undefined });
    },
  }));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Unsaved changes: compared by content, so undoing back to the saved graph counts as clean. */
export function isDirty(s: Pick<EditorState, 'doc' | 'saved'>): boolean {
  return s.doc !== s.saved && JSON.stringify(s.doc) !== JSON.stringify(s.saved);
}
