/** What the toolbar says about the document, and why Run is off (undefined: it may run). */

export interface EditorFacts {
  workflowId: string | undefined;
  dirty: boolean;
  /** The validator has answered for the current document. */
  checked: boolean;
  valid: boolean;
  problems: number;
  /** The stored version is a draft. */
  serverDraft: boolean;
  version: number | undefined;
  /** Opened from an imported file that is not saved yet. */
  importing: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function runBlockedReason(f: EditorFacts): string | undefined {
  if (!f.workflowId) return 'Save the workflow first';
  if (f.dirty) return 'Save your changes first: Run uses the saved workflow';
  if (!f.checked) return 'Checking the workflow…';
  if (!f.valid) return `Fix the ${plural(f.problems, 'problem')} first`;
  if (f.serverDraft) return 'Saved as a draft: save again now that it is valid';
  return undefined;
}

export function saveStatus(f: EditorFacts): { text: string; tone: 'ok' | 'dirty' | 'draft' | 'muted' } {
  if (f.dirty) return { text: f.importing && !f.workflowId ? 'Unsaved import' : 'Unsaved changes', tone: 'dirty' };
  if (!f.workflowId) return { text: 'New workflow', tone: 'muted' };
  const v = `v${f.version ?? '?'}`;
  return f.serverDraft ? { text: `Draft · ${v}`, tone: 'draft' } : { text: `Saved · ${v}`, tone: 'ok' };
}

export function savedNotice(summary: { draft: boolean; problems: number; version: number }): string {
  return summary.draft
    ? `Saved as a draft (v${summary.version}) with ${plural(summary.problems, 'problem')}: its trigger is off and it cannot run until they are fixed.`
    : `Saved v${summary.version}.`;
}
