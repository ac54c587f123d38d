import { useCallback, useEffect, useState } from 'react';
import type { WorkflowVersionBrief } from '../../../../../shared/contract/workflows';
import type { WorkflowProblem } from '../../../../../shared/workflow';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { toLevqorError } from '../../../api/to-levqor-error';
import { When } from '../../../components/When';

interface Props {
  workflowId: string;
  /** The current version number; the list reloads when it changes. */
  current: number | undefined;
  /** Show a version's document on the canvas (read-only) or stop showing it. */
  onView: (v: { version: number; workflow: Record<string, unknown>; problems: WorkflowProblem[] } | undefined) => void;
  viewing: number | undefined;
  onRestore: (version: number) => Promise<void>;
}

/** Every saved version, newest first, with view and restore. */
export function VersionsPanel({ workflowId, current, onView, viewing, onRestore }: Props) {
  const [versions, setVersions] = useState<WorkflowVersionBrief[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    getApi()
      .workflows.versions({ id: workflowId })
      .then((r) => live && setVersions(r.versions))
      .catch((err: unknown) => live && setError(toLevqorError(err).message));
    return () => {
      live = false;
    };
  }, [workflowId, current]);
  const view = useCallback(
    async (version: number) => {
      if (viewing === version) return onView(undefined);
      try {
        const v = await getApi().workflows.getVersion({ id: workflowId, version });
        onView({ version, workflow: v.workflow as Record<string, unknown>, problems: v.problems });
      } catch (err) {
        setError(toLevqorError(err).message);
      }
    },
    [workflowId, viewing, onView],
  );
  return (
    <div className="wfe-panel__body" data-testid="versions-panel">
      <header className="wfe-panel__head">
        <div>
          <h2>Versions</h2>
          <p className="muted">Every save is a version. Restoring saves that version again as the newest.</p>
        </div>
      </header>
      <ErrorNotice message={error} inline />
      {!versions && !error ? <p className="muted">Loading…</p> : null}
      <ol className="plain-list wfe-versions">
        {versions?.map((v) => (
          <li key={v.version} className={`wfe-version${v.version === viewing ? ' is-viewing' : ''}`} data-testid={`version-${v.version}`}>
            <div className="wfe-version__main">
              <strong>v{v.version}</strong>
              {v.version === current ? <span className="pill">current</span> : null}
              {v.draft ? <span className="pill pill--muted wfe-pill--draft">draft · {v.problems} problem{v.problems === 1 ? '' : 's'}</span> : null}
              <span className="wfe-version__name">{v.name}</span>
            </div>
            <div className="actions wfe-version__meta">
              <When at={v.savedAt} />
              <button type="button" className="button button--ghost button--small" onClick={() => void view(v.version)}>
                {v.version === viewing ? 'Back to editing' : 'View'}
              </button>
              {v.version !== current ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={busy}
                  onClick={() => {
                    setBusy(true);
                    void onRestore(v.version).finally(() => setBusy(false));
                  }}
                >
                  Restore
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
