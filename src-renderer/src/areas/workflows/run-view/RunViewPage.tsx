import { useState } from 'react';
import { getApi } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatTimeExact } from '../../../format/time';
import { When } from '../../../components/When';
import { formatDuration } from '../format';
import { StatusBadge } from '../StatusBadge';
import { useAction } from '../../../hooks/use-action';
import { useLoad } from '../../../hooks/use-load';
import { useNow } from '../../../hooks/use-now';
import { SubpageHeader, WorkflowHeader } from '../WorkflowHeader';
import { workflowsHref } from '../routes';
import { NodeDetail } from './NodeDetail';
import { PendingApprovals } from './PendingApprovals';
import { RelatedRuns } from './RelatedRuns';
import { RunGraph } from './RunGraph';
import { runControls, triggerNodeId, type NodeState } from './run-state';
import { useRun } from './use-run';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ExplainFailure } from './ExplainFailure';

/** The first node worth looking at: a failure or rejection, then a wait, then whatever runs, then a step that only dry-ran. */
function interesting(states: Record<string, NodeState>): string | undefined {
  for (const wanted of ['failed', 'rejected', 'waiting', 'running', 'dry-run'] as const) {
    const hit = Object.entries(states).find(([, s]) => s === wanted);
    if (hit) return hit[0];
  }
  return undefined;
}

/**
 * One run, live: the graph with each node's state, the selected node's detail, the log, retry
 * and cancel. Without a workflow id (a run found by its id) the run names its workflow, if any.
 */
export function RunViewPage({ workflowId: routeWorkflowId, runId }: { workflowId: string | undefined; runId: string }) {
  const { run, states, error, reload } = useRun(runId);
  const workflowId = routeWorkflowId ?? run?.workflowId ?? undefined;
  const workflow = useLoad(() => (workflowId ? getApi().workflows.get({ id: workflowId }) : Promise.resolve(undefined)), [workflowId]);
  const stepTypes = useLoad(() => getApi().workflows.stepTypes({}), []);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const now = useNow(run !== undefined && runControls(run.status).cancel);

  const shown = selected ?? interesting(states) ?? triggerNodeId;
  const controls = run ? runControls(run.status) : { retry: false, cancel: false };
  const names = new Map(run?.workflow?.nodes.map((n) => [n.id, n.name ?? n.id]) ?? []);
  const dryRan = run?.steps.filter((s) => s.mode === 'dry-run') ?? [];

  const act = (what: 'retry' | 'cancel') =>
    void action.run(async () => {
      if (what === 'retry') await getApi().runs.retry({ id: runId });
      else await getApi().runs.cancel({ id: runId });
      setConfirmCancel(false);
      reload();
    }, what);
  const actionError = action.error?.message;

  return (
    <div className="stack wfx" data-testid="run-view" data-run-status={run?.status}>
      {workflowId ? (
        <WorkflowHeader workflowId={workflowId} workflow={workflow.data} current="run" {...(run ? { fallbackName: run.workflowName } : {})} />
      ) : (
        <SubpageHeader back={{ href: workflowsHref.allRuns(), label: 'All runs' }} title={run?.workflowName ?? 'Run'} subtitle={run ? 'A run of a workflow file that is not stored here.' : undefined} />
      )}
      <ErrorNotice message={error && `Could not load run ${runId}: ${error}`} />
      {!run && !error ? <p className="muted">Loading the run…</p> : null}
      {run ? (
        <>
          <div className="card toolbar wfx-runbar">
            <div className="toolbar">
              <StatusBadge status={run.status} dryRun={run.dryRun} />
              <span className="muted">
                {run.trigger} run · {formatTimeExact(run.startedAt ?? run.createdAt)} · {formatDuration(run.startedAt === null ? null : (run.finishedAt ?? now) - run.startedAt)}
              </span>
              <code className="muted wfx-runid">{run.id}</code>
            </div>
            <div className="actions">
              {controls.retry ? (
                <button type="button" className="button" disabled={action.pending} onClick={() => act('retry')} data-testid="run-retry">
                  {action.running === 'retry' ? 'Retrying…' : run.status === 'rejected' ? 'Ask again' : 'Retry from failed step'}
                </button>
              ) : null}
              {controls.cancel ? (
                <button type="button" className="button button--ghost button--danger" disabled={action.pending} onClick={() => setConfirmCancel(true)} data-testid="run-cancel">
                  {action.running === 'cancel' ? 'Cancelling…' : 'Cancel run'}
                </button>
              ) : null}
            </div>
            {run.error ? (
              <p className="wfx-error" data-testid="run-error">
                <strong>{run.error.code}</strong>
                {run.error.nodeId ? ` at ${run.error.nodeId}` : ''}: {run.error.message}
              </p>
            ) : null}
            {dryRan.length > 0 ? (
              <p className="wfx-dryran" data-testid="run-dry-ran">
                <strong>Only dry-ran</strong> (recorded what {dryRan.length === 1 ? 'it' : 'they'} would do; nothing was sent or changed):{' '}
                {dryRan.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 ? ', ' : ''}
                    <code>{names.get(s.id) ?? s.id}</code>
                  </span>
                ))}
              </p>
            ) : null}
            <ErrorNotice message={actionError} inline />
          </div>
          {confirmCancel ? (
            <ConfirmDialog
              title="Cancel this run?"
              confirmLabel="Cancel run"
              dismissLabel="Keep it going"
              busy={action.running === 'cancel'}
              error={actionError}
              onCancel={() => setConfirmCancel(false)}
              onConfirm={() => act('cancel')}
            >
              <p>The running step is stopped and its waits and approval requests are closed. “Retry from failed step” can run it again later.</p>
            </ConfirmDialog>
          ) : null}
          {run.status === 'failed' ? <ExplainFailure key={run.id} runId={run.id} onRetried={reload} /> : null}
          <PendingApprovals approvals={run.approvals} />
          <RunGraph run={run} states={states} stepTypes={stepTypes.data?.stepTypes} selected={shown} onSelect={setSelected} />
          <div className="wfx-runview">
            <NodeDetail run={run} nodeId={shown} state={states[shown] ?? 'pending'} nodeName={names.get(shown) ?? shown} />
            <section className="card section wfx-runlog" aria-labelledby="wfx-log-title">
              <div className="section__head">
                <h2 id="wfx-log-title">Run log</h2>
              </div>
              {run.logs.length === 0 ? (
                <p className="muted">No log lines yet.</p>
              ) : (
                <ul className="plain-list wfx-log" data-testid="run-log">
                  {run.logs.map((l, i) => (
                    <li key={i} className={`wfx-log__line wfx-log__line--${l.level}`}>
                      <When at={l.at} show="clock" /> {l.nodeId ? <code>{l.nodeId}</code> : null} {l.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <RelatedRuns run={run} />
        </>
      ) : null}
    </div>
  );
}
