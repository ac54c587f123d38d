/**
 * An imported file that failed validation, handed from the list's Import button to the
 * editor (`#/workflows/new?import=1`), which opens it as an unsaved draft with every problem
 * listed; or the workflow assistant's graph ("Describe a workflow"), with its explanation.
 * Kept in memory only: a reload of the page drops it, as a closed file dialog would.
 */
let pending: { document: unknown; fileName: string; explanation?: string } | undefined;

export function setPendingImport(document: unknown, fileName: string, explanation?: string): void {
  pending = { document, fileName, ...(explanation !== undefined ? { explanation } : {}) };
}

/** Returns the pending file once; the next call gets nothing. */
export function takePendingImport(): { document: unknown; fileName: string; explanation?: string } | undefined {
  const out = pending;
  pending = undefined;
  return out;
}
