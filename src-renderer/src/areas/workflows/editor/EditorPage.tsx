import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StepTypeInfo } from '../../../../../shared/contract/workflows';
import type { WorkflowProblem } from '../../../../../shared/workflow';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { toLevqorError } from '../../../api/to-levqor-error';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { TRIGGER_NODE_ID } from '../canvas/node-state';
import { triggerSummary } from '../canvas/flow-model';
import { navigate, workflowsHref } from '../routes';
import { addNode, connect, copy, edgesOf, moveNodes, nodesOf, paste, removeElements, renameNode, updateNode, type Clip, type Doc } from './doc-ops';
import { createEditorStore, isDirty, type EditorStore } from './doc-store';
import { downloadWorkflow } from './download';
import { runBlockedReason, savedNotice, saveStatus } from './editor-status';
import { EditorToolbar } from './EditorToolbar';
import { freeSpot } from './free-spot';
import { keepStore, takeStore } from './handoff';
import { autoLayout } from './layout';
import { NodePanel } from './NodePanel';
import { Palette } from './Palette';
import { ProblemList } from './ProblemList';
import { StepData } from './StepData';
import { mapProblems, problemsByField, problemsByNode } from './problems';
import { useEditorSession } from './use-editor-session';
import { useLeaveGuard } from './use-leave-guard';
import { useShortcuts } from './use-shortcuts';
import { useValidation } from './use-validation';
import { VersionsPanel } from './VersionsPanel';
import { RunDialog } from '../run-dialog/RunDialog';
import { WorkflowPanel } from './WorkflowPanel';
import { AssistantPanel } from '../assistant/AssistantPanel';
import './editor.css';

/** The workflow editor: `#/workflows/new`, `#/workflows/new?import=1` and `#/workflows/<id>`. */
export function EditorPage({ workflowId, fromImport = false }: { workflowId?: string; fromImport?: boolean }) {
  const session = useEditorSession(workflowId, fromImport);
  if (session.status === 'loading') return <div className="wfe-state wfe-loading">Opening the workflow…</div>;
  if (session.status === 'error' || !session.doc || !session.saved)
    return (
      <div className="wfe-state">
        <ErrorNotice message={session.error ?? 'The workflow could not be opened.'} testId="editor-error" />
        <p>
          <a href={workflowsHref.list()}>Back to the workflows</a>
        </p>
      </div>
    );
  return <Editor key={workflowId ?? 'new'} workflowId={workflowId} doc={session.doc} saved={session.saved} version={session.version} draft={session.draft && Boolean(workflowId)} stepTypes={session.stepTypes} importedFrom={session.importedFrom} explanation={session.explanation} />;
}

/** The in-app clipboard: copied steps with the edges between them. */
let clipboard: Clip | undefined;

type Tab = 'step' | 'workflow' | 'versions' | 'ai';

interface EditorProps {
  workflowId: string | undefined;
  doc: Doc;
  saved: Doc;
  version: number | undefined;
  /** Stored as a draft (the server's word). */
  draft: boolean;
  stepTypes: StepTypeInfo[];
  importedFrom: string | undefined;
  /** Opened from the workflow assistant: its explanation, shown in the AI tab. */
  explanation: string | undefined;
}

/** What the notice says when the editor opens an unsaved document handed over by the list. */
function openedNotice(importedFrom: string | undefined, explanation: string | undefined): { tone: 'ok' | 'error'; text: string } | undefined {
  if (explanation !== undefined) return { tone: 'ok', text: 'Opened the assistant’s workflow as an unsaved draft: review it, then save. It is saved turned off and runs only when you say so.' };
  if (importedFrom) return { tone: 'error', text: `Opened ${importedFrom} as an unsaved draft: it did not pass validation. Nothing was changed — fix the problems below, or save it as a draft.` };
  return undefined;
}

function Editor(props: EditorProps) {
  const { workflowId, stepTypes } = props;
  const store = useRef<EditorStore>(undefined as unknown as EditorStore);
  store.current ??= takeStore(workflowId) ?? createEditorStore(props.doc, props.saved);
  const doc = useStore(store.current, (s) => s.doc);
  const saved = useStore(store.current, (s) => s.saved);
  const canUndo = useStore(store.current, (s) => s.past.length > 0);
  const canRedo = useStore(store.current, (s) => s.future.length > 0);
  const selectedNodes = useStore(store.current, (s) => s.selectedNodes);
  const st = store.current.getState;

  const [version, setVersion] = useState(props.version);
  const [serverDraft, setServerDraft] = useState(props.draft);
  const [tab, setTab] = useState<Tab>(props.explanation !== undefined ? 'ai' : 'workflow');
  const [saving, setSaving] = useState(false);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>(openedNotice(props.importedFrom, props.explanation));
  const [proposal, setProposal] = useState<Record<string, unknown> | undefined>(undefined);
  const [viewing, setViewing] = useState<{ version: number; workflow: Record<string, unknown>; problems: WorkflowProblem[] } | undefined>(undefined);
  const [fitKey, setFitKey] = useState(0);
  const centre = useRef<() => { x: number; y: number }>(() => ({ x: 0, y: 0 }));

  const types = useMemo(() => new Map(stepTypes.map((t) => [t.type, t])), [stepTypes]);
  const validation = useValidation(doc);
  const current = validation.doc === doc && !validation.checking;
  const mapped = useMemo(() => mapProblems(validation.doc, validation.problems), [validation.doc, validation.problems]);
  const byNode = useMemo(() => problemsByNode(mapped), [mapped]);
  const generalProblems = useMemo(() => mapped.filter((p) => !p.nodeId).map((p) => `${p.path}: ${p.message}`), [mapped]);
  const dirty = useMemo(() => isDirty({ doc, saved }), [doc, saved]);
  const guard = useLeaveGuard(dirty);

  const selectRequest = useStore(store.current, (s) => s.request);
  const nodes = useMemo(() => nodesOf(doc), [doc]);
  const selectedIndex = selectedNodes.length === 1 ? nodes.findIndex((n) => n.id === selectedNodes[0]) : -1;
  const selectedNode = selectedIndex >= 0 ? nodes[selectedIndex] : undefined;

  useEffect(() => {
    if (selectedNodes.length === 1) setTab(selectedNodes[0] === TRIGGER_NODE_ID ? 'workflow' : 'step');
  }, [selectedNodes]);

  const portsOf = useCallback(
    (id: string) => {
      const n = nodesOf(st().doc).find((x) => x.id === id);
      return types.get(String(n?.type))?.ports ?? ['out'];
    },
    [st, types],
  );

  // ---- edits -------------------------------------------------------------------------------
  const edit = useCallback((f: (d: Doc) => Doc, key?: string) => st().edit(f, key), [st]);
  const addStep = useCallback(
    (type: string, position?: { x: number; y: number }) => {
      const t = types.get(type);
      if (!t) return;
      // Enter or a double-click in the palette: a free spot right of the selection (or the last step)
      const at = position ?? freeSpot(st().doc, st().selectedNodes) ?? centre.current();
      let id = '';
      edit((d) => {
        const r = addNode(d, t, at);
        id = r.id;
        return r.doc;
      });
      st().selectNodes([id]);
    },
    [types, edit, st],
  );
  const removeSelected = useCallback(() => {
    const s = st();
    const ids = new Set(s.selectedNodes.filter((n) => n !== TRIGGER_NODE_ID));
    const edges = new Set(s.selectedEdges);
    if (ids.size === 0 && edges.size === 0) return;
    edit((d) => removeElements(d, ids, edges));
    st().selectNodes([]);
  }, [edit, st]);
  const doCopy = useCallback(() => {
    const clip = copy(st().doc, new Set(st().selectedNodes));
    if (clip) clipboard = clip;
  }, [st]);
  const doPaste = useCallback(() => {
    if (!clipboard) return;
    const clip = clipboard;
    let ids: string[] = [];
    edit((d) => {
      const r = paste(d, clip, { x: 40, y: 40 });
      ids = r.ids;
      return r.doc;
    });
    // the next paste of the same copy lands a step further
    clipboard = { ...clip, nodes: clip.nodes.map((n) => ({ ...n, position: shift(n.position) })) };
    st().selectNodes(ids);
  }, [edit, st]);

  // ---- save / run ----------------------------------------------------------------------------
  const save = useCallback(async () => {
    const d = st().doc;
    setSaving(true);
    try {
      // draft: a graph with problems is kept as written; a valid one is saved as usual
      // the assistant's workflow is never turned on unasked: its first save keeps it off
      const off = !workflowId && props.explanation !== undefined ? { enabled: false } : {};
      const summary = await getApi().workflows.save({ ...(workflowId ? { id: workflowId } : {}), workflow: d, draft: true, ...off });
      st().markSaved(d);
      setVersion(summary.version);
      setServerDraft(summary.draft);
      setNotice({ tone: 'ok', text: savedNotice(summary) });
      if (!workflowId) {
        // the canvas of the next page starts with nothing selected
        store.current.getState().selectNodes([]);
        keepStore(summary.id, store.current);
        guard.allowNextLeave();
        navigate(workflowsHref.editor(summary.id));
      }
    } catch (err) {
      setNotice({ tone: 'error', text: `Not saved: ${toLevqorError(err).message}` });
    } finally {
      setSaving(false);
    }
  }, [st, workflowId, guard, props.explanation]);

  const [runDialog, setRunDialog] = useState<{ dryRun: boolean } | undefined>(undefined);
  const run = useCallback(
    async (dryRun: boolean) => {
      if (!workflowId) return;
      // a manual run asks for its input first
      if (triggerSummary(st().saved.trigger).type === 'manual') return setRunDialog({ dryRun });
      setRunning(true);
      try {
        const r = await getApi().workflows.run({ id: workflowId, dryRun });
        navigate(workflowsHref.run(workflowId, r.runId));
      } catch (err) {
        setNotice({ tone: 'error', text: `Could not start the run: ${toLevqorError(err).message}` });
      } finally {
        setRunning(false);
      }
    },
    [workflowId, st],
  );

  const exportJson = useCallback(() => downloadWorkflow(st().doc), [st]);

  /** A document the server just saved as a new version becomes the one being edited (undo goes back past it). */
  const adoptSaved = useCallback(
    (d: Doc, summary: { version: number; draft: boolean }) => {
      st().edit(d);
      st().markSaved(d);
      setVersion(summary.version);
      setServerDraft(summary.draft);
      setFitKey((k) => k + 1);
    },
    [st],
  );

  const restore = useCallback(
    async (v: number) => {
      if (!workflowId) return;
      if (dirty && !window.confirm('Restoring replaces your unsaved changes. Continue?')) return;
      try {
        const summary = await getApi().workflows.restoreVersion({ id: workflowId, version: v });
        const w = await getApi().workflows.get({ id: workflowId });
        adoptSaved(w.workflow as Doc, summary);
        setViewing(undefined);
        setNotice({ tone: 'ok', text: `Restored v${v} as v${summary.version}.` });
      } catch (err) {
        setNotice({ tone: 'error', text: `Not restored: ${toLevqorError(err).message}` });
      }
    },
    [workflowId, dirty, adoptSaved],
  );

  const showProposal = useCallback((d: Record<string, unknown> | undefined) => {
    setProposal(d);
    setFitKey((k) => k + 1);
  }, []);
  const acceptChange = useCallback(
    async (d: Record<string, unknown>) => {
      if (!workflowId) return;
      // a new version of this workflow; its on/off stays as it was, and it is a draft if invalid
      const summary = await getApi().workflows.save({ id: workflowId, workflow: d, draft: true });
      adoptSaved(d, summary);
      setProposal(undefined);
      setNotice({ tone: 'ok', text: `Accepted the assistant’s change: ${savedNotice(summary)}` });
    },
    [workflowId, adoptSaved],
  );

  useShortcuts({
    save: () => void save(),
    undo: () => st().undo(),
    redo: () => st().redo(),
    copy: doCopy,
    paste: doPaste,
    remove: removeSelected,
    selectAll: () => st().selectNodes(nodesOf(st().doc).map((n) => String(n.id))),
  });

  // ---- canvas callbacks (stable, so the canvas does not re-render for nothing) ----------------
  const onSelectionChange = useCallback((n: string[], e: string[]) => st().select(n, e), [st]);
  const onMoveNodes = useCallback((moves: Record<string, { x: number; y: number }>) => edit((d) => moveNodes(d, moves)), [edit]);
  const onConnect = useCallback((c: { from: string; fromPort: string; to: string }) => edit((d) => connect(d, c, portsOf)), [edit, portsOf]);
  const onReady = useCallback((api: { centre(): { x: number; y: number } }) => (centre.current = api.centre), []);
  const pickProblem = useCallback((nodeId: string) => st().selectNodes([nodeId]), [st]);

  const facts = { workflowId, dirty, checked: current, valid: validation.valid, problems: validation.problems.length, serverDraft, version, importing: props.importedFrom !== undefined };
  const runBlocked = runBlockedReason(facts);
  const status = saveStatus(facts);
  const hasProblems = current ? !validation.valid : validation.problems.length > 0;

  const shownDoc = viewing ? viewing.workflow : (proposal ?? doc);
  const shownProblems = useMemo(() => (viewing ? problemsByNode(mapProblems(viewing.workflow, viewing.problems)) : proposal ? {} : byNode), [viewing, proposal, byNode]);
  const readOnly = Boolean(viewing) || proposal !== undefined;

  return (
    <div className="wfe" data-testid="workflow-editor">
      <EditorToolbar
        name={typeof doc.name === 'string' ? doc.name : ''}
        onName={(name) => edit((d) => ({ ...d, name }), 'name')}
        status={status}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={() => st().undo()}
        onRedo={() => st().redo()}
        onLayout={() => {
          edit(autoLayout);
          setFitKey((k) => k + 1);
        }}
        onExport={exportJson}
        saving={saving}
        saveLabel={hasProblems ? 'Save draft' : 'Save'}
        saveTitle={hasProblems ? 'Save with its problems as a draft: the trigger stays off and it cannot run until fixed' : 'Save a new version'}
        onSave={() => void save()}
        runBlocked={runBlocked}
        running={running}
        onRun={(dry) => void run(dry)}
        links={workflowId ? { history: workflowsHref.history(workflowId), analytics: workflowsHref.analytics(workflowId) } : undefined}
      />
      {runDialog && workflowId ? <RunDialog workflowId={workflowId} dryRun={runDialog.dryRun} onClose={() => setRunDialog(undefined)} /> : null}
      {notice ? (
        <div className={`wfe-notice wfe-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="editor-notice">
          <span>{notice.text}</span>
          <button type="button" className="button button--ghost" onClick={() => setNotice(undefined)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      <div className="wfe-body">
        <Palette stepTypes={stepTypes} onAdd={addStep} />
        {/* the app's own <main> holds the editor: one main landmark per page */}
        <section className="wfe-main" aria-label="Canvas">
          {viewing ? (
            <div className="wfe-viewing" role="status">
              Viewing v{viewing.version} (read-only).
              <button type="button" className="button button--ghost" onClick={() => void restore(viewing.version)}>
                Restore it
              </button>
              <button type="button" className="button button--ghost" onClick={() => setViewing(undefined)}>
                Back to editing
              </button>
            </div>
          ) : null}
          <div className="wfe-canvas-wrap">
            <FlowCanvas
              document={shownDoc}
              stepTypes={stepTypes}
              readOnly={readOnly}
              problemsByNode={shownProblems}
              selectRequest={readOnly ? undefined : selectRequest}
              onSelectionChange={readOnly ? undefined : onSelectionChange}
              onMoveNodes={onMoveNodes}
              onConnect={onConnect}
              onDropStep={addStep}
              fitKey={fitKey}
              onReady={onReady}
            />
            {nodes.length === 0 && !readOnly ? <div className="wfe-empty">Drag a step from the library onto the canvas to start.</div> : null}
          </div>
          <ProblemList problems={mapped} checking={!current} onPick={pickProblem} />
        </section>
        <aside className="wfe-side" aria-label="Details">
          <div className="wfe-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'step'} className={tab === 'step' ? 'is-active' : ''} onClick={() => setTab('step')}>
              Step
            </button>
            <button type="button" role="tab" aria-selected={tab === 'workflow'} className={tab === 'workflow' ? 'is-active' : ''} onClick={() => setTab('workflow')}>
              Workflow
            </button>
            <button type="button" role="tab" aria-selected={tab === 'versions'} className={tab === 'versions' ? 'is-active' : ''} onClick={() => setTab('versions')} disabled={!workflowId} title={workflowId ? undefined : 'Versions start with the first save'}>
              Versions
            </button>
            <button type="button" role="tab" aria-selected={tab === 'ai'} className={tab === 'ai' ? 'is-active' : ''} onClick={() => setTab('ai')}>
              AI
            </button>
          </div>
          {tab === 'step' ? (
            selectedNode ? (
              <NodePanel
                key={selectedIndex}
                doc={doc}
                index={selectedIndex}
                node={selectedNode}
                type={types.get(String(selectedNode.type))}
                stepTypes={stepTypes}
                errors={problemsByField(mapped, String(selectedNode.id ?? `#${selectedIndex}`))}
                onPatch={(patch, key) => edit((d) => updateNode(d, selectedIndex, patch), key)}
                onRename={(id) => {
                  edit((d) => renameNode(d, selectedIndex, id));
                  st().selectNodes([id]);
                }}
                onDelete={removeSelected}
                data={<StepData doc={doc} nodeId={String(selectedNode.id ?? '')} workflowId={workflowId} />}
              />
            ) : (
              <p className="muted wfe-panel__hint">{selectedNodes.length > 1 ? `${selectedNodes.length} steps selected. Ctrl+C copies them with the edges between them; Delete removes them.` : 'Select a step to edit its settings. Shift-drag selects many.'}</p>
            )
          ) : null}
          {tab === 'workflow' ? (
            <WorkflowPanel doc={doc} workflowId={workflowId} triggerErrors={problemsByField(mapped, TRIGGER_NODE_ID)} general={generalProblems} edit={edit} />
          ) : null}
          {tab === 'ai' ? <AssistantPanel workflowId={workflowId} explanation={props.explanation} dirty={dirty} onPropose={showProposal} onAccept={acceptChange} /> : null}
          {tab === 'versions' && workflowId ? <VersionsPanel workflowId={workflowId} current={version} viewing={viewing?.version} onView={setViewing} onRestore={restore} /> : null}
        </aside>
      </div>
      <p className="sr-only" aria-live="polite">
        {edgesOf(doc).length} edges, {nodes.length} steps
      </p>
    </div>
  );
}

function shift(p: unknown): { x: number; y: number } {
  const q = (p ?? {}) as { x?: unknown; y?: unknown };
  return { x: (typeof q.x === 'number' ? q.x : 0) + 40, y: (typeof q.y === 'number' ? q.y : 0) + 40 };
}
