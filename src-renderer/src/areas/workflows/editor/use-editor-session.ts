import { useEffect, useState } from 'react';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';
import { newDocument, type Doc } from './doc-ops';
import { takePendingImport } from './pending-import';
import { loadStepTypes } from './step-types';

export interface EditorSession {
  status: 'loading' | 'ready' | 'error';
  error: string | undefined;
  stepTypes: StepTypeInfo[];
  /** The document to open and what counts as saved (an import is unsaved until saved). */
  doc: Doc | undefined;
  saved: Doc | undefined;
  version: number | undefined;
  /** Stored as a draft (the server's word, for the status line). */
  draft: boolean;
  importedFrom: string | undefined;
  /** Opened from the workflow assistant: what it said about the graph. */
  explanation: string | undefined;
}

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Opens a stored workflow, a new one, or the imported file handed over by the list. */
export function useEditorSession(workflowId: string | undefined, fromImport: boolean): EditorSession {
  const [s, setS] = useState<EditorSession>({ status: 'loading', error: undefined, stepTypes: [], doc: undefined, saved: undefined, version: undefined, draft: false, importedFrom: undefined, explanation: undefined });
  useEffect(() => {
    let live = true;
    const pending = fromImport && !workflowId ? takePendingImport() : undefined;
    (async () => {
      const stepTypes = await loadStepTypes();
      if (workflowId) {
        const w = await getApi().workflows.get({ id: workflowId });
        const doc = w.workflow as Doc;
        return { stepTypes, doc, saved: doc, version: w.version, draft: w.draft, importedFrom: undefined, explanation: undefined };
      }
      if (fromImport) {
        if (!pending) throw new Error('There is no imported file to open (it is kept only until the page reloads). Import it again from the list.');
        // opened exactly as written: its problems are listed, nothing is fixed or dropped
        if (!isObject(pending.document)) throw new Error(`${pending.fileName} is not a workflow: its JSON is ${Array.isArray(pending.document) ? 'an array' : `a ${pending.document === null ? 'null' : typeof pending.document}`}, not an object with name, trigger and nodes.`);
        return { stepTypes, doc: pending.document, saved: {}, version: undefined, draft: true, importedFrom: pending.fileName, explanation: pending.explanation };
      }
      const doc = newDocument();
      return { stepTypes, doc, saved: doc, version: undefined, draft: false, importedFrom: undefined, explanation: undefined };
    })().then(
      (r) => live && setS({ status: 'ready', error: undefined, ...r }),
      (err: unknown) => live && setS((x) => ({ ...x, status: 'error', error: toLevqorError(err).message })),
    );
    return () => {
      live = false;
    };
  }, [workflowId, fromImport]);
  return s;
}
