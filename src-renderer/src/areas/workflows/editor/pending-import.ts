/**
 * An imported file that failed validation, handed from the list's Import button to the
 * editor (`#/workflows/new?import=1`), which opens it as an unsaved draft with every problem
 * listed. Kept in memory only: a reload of the page drops it, as a closed file dialog would.
 */
let pending: { document: unknown; fileName: string } | undefined;

export function setPendingImport(document: unknown, fileName: string): void {
  pending = { document, fileName };
}

/** Returns the pending file once; the next call gets nothing. */
export function takePendingImport(): { document: unknown; fileName: string } | undefined {
  const out = pending;
  pending = undefined;
  return out;
}
