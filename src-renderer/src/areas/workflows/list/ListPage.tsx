import { useEffect, useRef, useState } from 'react';
import type { WorkflowSummary } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { DataTable } from '../../../components/DataTable';
import { toLevqorError } from '../../../api/to-levqor-error';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { workflowsHref } from '../routes';
import { useAction } from '../../../hooks/use-action';
import { useLoad } from '../../../hooks/use-load';
import { duplicateWorkflow, exportWorkflow, importFile } from './actions';
import { WorkflowRow } from './WorkflowRow';
import { RunDialog } from '../run-dialog/RunDialog';
import { DescribeWorkflow } from '../assistant/DescribeWorkflow';

type Notice = { kind: 'ok' | 'error'; text: string } | undefined;

const listColumns = ['Workflow', 'Trigger', 'Next run', 'Last run', { label: 'Success (30 d)', title: 'Succeeded / finished runs, last 30 days' }, 'On', { label: 'Actions', hidden: true }];

/** Runs starting and ending change last run and success rate: reload, at most every 500 ms. */
function useLiveReload(reload: () => void): void {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const api = getApi();
    const soon = () => {
      if (timer.current !== undefined) return;
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        reload();
      }, 500);
    };
    const offs = [api.on('run.started', soon), api.on('run.finished', soon)];
    return () => {
      offs.forEach((off) => off());
      if (timer.current !== undefined) window.clearTimeout(timer.current);
    };
  }, [reload]);
}

/** Every workflow: trigger, next and last run, success rate, draft state, on/off, and what to do with it. */
export function ListPage() {
  const list = useLoad(() => getApi().workflows.list({}), []);
  useLiveReload(list.reload);
  const [notice, setNotice] = useState<Notice>(undefined);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<WorkflowSummary | undefined>(undefined);
  const [running, setRunning] = useState<WorkflowSummary | undefined>(undefined);
  const removal = useAction();
  const fileInput = useRef<HTMLInputElement>(null);
  const workflows = list.data?.workflows ?? [];

  const act = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const text = await work();
      if (text) setNotice({ kind: 'ok', text });
      list.reload();
    } catch (err) {
      setNotice({ kind: 'error', text: toLevqorError(err).message });
    } finally {
      setBusy(false);
    }
  };

  const onImport = (file: File) =>
    act(async () => {
      const out = await importFile(file);
      if (out.kind === 'not-json') throw new Error(out.message);
      return out.kind === 'imported' ? `Imported “${out.name}”.` : undefined;
    });

  const confirmDelete = (w: WorkflowSummary) =>
    void removal.run(async () => {
      await getApi().workflows.delete({ id: w.id });
      setNotice({ kind: 'ok', text: `Deleted “${w.name}”. Its past runs are kept.` });
      setDeleting(undefined);
      list.reload();
    });
  const working = busy || removal.pending;

  return (
    <div className="stack wfx" data-testid="workflows-list">
      <div className="toolbar">
        <a className="button" href={workflowsHref.create()} data-testid="workflow-create">
          New workflow
        </a>
        <button type="button" className="button button--ghost" disabled={working} onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <a className="button button--ghost" href={workflowsHref.templates()} data-testid="templates-link">
          From a template…
        </a>
        <a className="button button--ghost" href={workflowsHref.allRuns()} data-testid="all-runs-link">
          All runs
        </a>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          data-testid="workflow-import-file"
          aria-label="Import a workflow file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onImport(file);
          }}
        />
        <span className="muted wfx-toolbar__hint">Import reads a workflow JSON file; one with problems opens in the editor as a draft.</span>
      </div>
      <DescribeWorkflow />
      {notice ? (
        notice.kind === 'ok' ? (
          <div className="notice" role="status" data-testid="workflows-notice">
            {notice.text}
          </div>
        ) : (
          <ErrorNotice message={notice.text} testId="workflows-notice" />
        )
      ) : null}
      <ErrorNotice message={list.error && `Could not load workflows: ${list.error}`} onRetry={list.reload} />
      {list.data === undefined && !list.error ? <p className="muted">Loading…</p> : null}
      {list.data !== undefined && workflows.length === 0 ? (
        <div className="card empty" data-testid="workflows-empty">
          <strong>No workflows yet</strong>
          <span className="muted">Create one with “New workflow”, or import a workflow JSON file.</span>
        </div>
      ) : null}
      {workflows.length > 0 ? (
        <DataTable className="wfx-table" columns={listColumns}>
          {workflows.map((w) => (
            <WorkflowRow
              key={w.id}
              w={w}
              actions={{
                busy: working,
                onChanged: list.reload,
                onRun: setRunning,
                onDuplicate: (x) => void act(async () => `Duplicated as “${(await duplicateWorkflow(x)).name}” (its trigger is off).`),
                onExport: (x) => void act(async () => `Exported ${await exportWorkflow(x)}.`),
                onDelete: (x) => {
                  removal.clearError();
                  setDeleting(x);
                },
              }}
            />
          ))}
        </DataTable>
      ) : null}
      {running ? <RunDialog workflowId={running.id} dryRun={false} onClose={() => setRunning(undefined)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete workflow"
          busy={working}
          error={removal.error?.message}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => confirmDelete(deleting)}
        >
          <p>Its trigger stops at once and it leaves this list. Its past runs stay in the run history.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
