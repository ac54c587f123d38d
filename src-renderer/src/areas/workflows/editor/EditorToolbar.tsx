import { keys } from './use-shortcuts';
import { toneClass, type Tone } from '../../../components/tone';

const saveTone: Record<Props['status']['tone'], Tone> = { ok: 'good', dirty: 'warn', draft: 'plan', muted: 'muted' };

interface Props {
  name: string;
  onName: (name: string) => void;
  status: { text: string; tone: 'ok' | 'dirty' | 'draft' | 'muted' };
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onExport: () => void;
  saving: boolean;
  saveLabel: string;
  saveTitle: string;
  onSave: () => void;
  runBlocked: string | undefined;
  running: boolean;
  onRun: (dryRun: boolean) => void;
  links: { history: string; analytics: string } | undefined;
}

/** Name, save state and the editor's actions, each with its shortcut in the tooltip. */
export function EditorToolbar(p: Props) {
  return (
    <div className="wfe-toolbar" role="toolbar" aria-label="Workflow editor">
      <a className="wfe-back" href="#/workflows" title="All workflows">
        ← Workflows
      </a>
      <input className="wfe-name" aria-label="Workflow name" data-testid="wf-name" value={p.name} placeholder="Workflow name" onChange={(e) => p.onName(e.target.value)} />
      <span className={`pill pill--plain wfe-status ${toneClass(saveTone[p.status.tone])}`} data-testid="save-status">
        {p.status.text}
      </span>
      <div className="wfe-toolbar__group">
        <button type="button" className="button button--ghost wfe-icon" onClick={p.onUndo} disabled={!p.canUndo} title={`Undo (${keys.undo})`} aria-label="Undo" data-testid="undo">
          ↶
        </button>
        <button type="button" className="button button--ghost wfe-icon" onClick={p.onRedo} disabled={!p.canRedo} title={`Redo (${keys.redo})`} aria-label="Redo" data-testid="redo">
          ↷
        </button>
        <button type="button" className="button button--ghost" onClick={p.onLayout} title="Arrange the steps left to right (dagre)" data-testid="auto-layout">
          Auto-layout
        </button>
        <button type="button" className="button button--ghost" onClick={p.onExport} title="Download this workflow as its JSON file">
          Export
        </button>
        {p.links ? (
          <>
            <a className="button button--ghost" href={p.links.history}>
              History
            </a>
            <a className="button button--ghost" href={p.links.analytics}>
              Analytics
            </a>
          </>
        ) : null}
      </div>
      <div className="wfe-toolbar__group wfe-toolbar__main">
        <button type="button" className="button" onClick={p.onSave} disabled={p.saving} title={`${p.saveTitle} (${keys.save})`} data-testid="save">
          {p.saving ? 'Saving…' : p.saveLabel}
        </button>
        <span className="wfe-run-wrap" title={p.runBlocked ?? 'Class B/C steps record what they would do; nothing external happens'}>
          <button type="button" className="button button--ghost" disabled={Boolean(p.runBlocked) || p.running} onClick={() => p.onRun(true)} data-testid="dry-run">
            Dry run
          </button>
        </span>
        <span className="wfe-run-wrap" title={p.runBlocked ?? 'Run the saved workflow now'}>
          <button type="button" className="button wfe-run" disabled={Boolean(p.runBlocked) || p.running} onClick={() => p.onRun(false)} data-testid="run">
            {p.running ? 'Starting…' : '▶ Run'}
          </button>
        </span>
      </div>
    </div>
  );
}
