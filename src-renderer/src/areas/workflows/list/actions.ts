import type { WorkflowSummary } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';
import { setPendingImport } from '../editor/pending-import';
import { exportFileName } from '../format';
import { navigate, workflowsHref } from '../routes';
import { copyDocument, maxCopyAttempts } from './duplicate';
import { isObject, readImport } from './read-import';

/** Saves a copy (trigger off, so a schedule or webhook does not fire twice); a webhook gets a fresh path. */
export async function duplicateWorkflow(w: WorkflowSummary): Promise<{ id: string; name: string }> {
  const api = getApi();
  const { workflow } = await api.workflows.export({ id: w.id });
  for (let attempt = 0; ; attempt++) {
    const copy = copyDocument(workflow as Record<string, unknown>, attempt);
    try {
      const saved = await api.workflows.save({ workflow: copy, enabled: false, ...(w.draft ? { draft: true } : {}) });
      return { id: saved.id, name: saved.name };
    } catch (err) {
      const e = toLevqorError(err);
      // another workflow already listens on that path: try the next one
      if (e.code === 'CONFLICT' && e.field === 'workflow.trigger.path' && attempt + 1 < maxCopyAttempts) continue;
      throw e;
    }
  }
}

/** Downloads the workflow as its JSON file (the format `levqor workflow import` reads). */
export async function exportWorkflow(w: WorkflowSummary): Promise<string> {
  const { json } = await getApi().workflows.export({ id: w.id });
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(w.name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return a.download;
}

export type ImportOutcome = { kind: 'imported'; id: string; name: string } | { kind: 'not-json'; message: string } | { kind: 'to-editor' };

/**
 * A valid file is stored at once. One that fails validation (or is not a workflow object)
 * opens in the editor as an unsaved draft with every problem listed, nothing dropped or
 * fixed. A file that is not JSON stays here with the parse error.
 */
export async function importFile(file: File): Promise<ImportOutcome> {
  const read = readImport(file.name, await file.text());
  if (!read.ok) return { kind: 'not-json', message: read.message };
  const api = getApi();
  if (isObject(read.document)) {
    const check = await api.workflows.validate({ workflow: read.document });
    if (check.valid) {
      const stored = await api.workflows.import({ workflow: read.document });
      return { kind: 'imported', ...stored };
    }
  }
  setPendingImport(read.document, file.name);
  navigate(workflowsHref.importDraft());
  return { kind: 'to-editor' };
}
