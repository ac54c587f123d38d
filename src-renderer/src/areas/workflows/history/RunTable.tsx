import type { RunSummary } from '../../../../../shared/contract/workflows';
import { DataTable } from '../../../components/DataTable';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatTimeExact } from '../../../format/time';
import { formatDuration, runDuration } from '../format';
import { runHref } from '../routes';
import { StatusBadge } from '../StatusBadge';
import type { RunPages } from './use-run-pages';

/**
 * A page of runs: each row links to its run view; `showWorkflow` adds the workflow column (the
 * list of all runs). Below it, the empty state or "Older runs".
 */
export function RunTable({ pages, filtered, showWorkflow, testPrefix, emptyHint }: { pages: RunPages; filtered: boolean; showWorkflow: boolean; testPrefix: string; emptyHint: string }) {
  const { runs, more, error, loadingMore, older } = pages;
  const columns = showWorkflow ? ['Started', 'Workflow', 'Status', 'Trigger', 'Duration', 'Error'] : ['Started', 'Status', 'Trigger', 'Duration', 'Error'];
  return (
    <>
      <ErrorNotice message={error && `Could not load runs: ${error}`} />
      {runs === undefined && !error ? <p className="muted">Loading runs…</p> : null}
      {runs !== undefined && runs.length === 0 ? (
        <div className="card empty" data-testid={`${testPrefix}-empty`}>
          <strong>{filtered ? 'No runs match these filters' : 'No runs yet'}</strong>
          <span className="muted">{filtered ? 'Widen the dates or pick another status.' : emptyHint}</span>
        </div>
      ) : null}
      {runs !== undefined && runs.length > 0 ? (
        <DataTable className="wfx-table" testId={`${testPrefix}-table`} columns={columns}>
          {runs.map((r) => (
            <tr key={r.id} data-testid={`${testPrefix}-row-${r.id}`} data-status={r.status}>
              <th scope="row">
                <a href={runHref(r)}>{formatTimeExact(r.startedAt ?? r.createdAt)}</a>
              </th>
              {showWorkflow ? <td data-testid="run-workflow">{r.workflowName}</td> : null}
              <td>
                <StatusBadge status={r.status} dryRun={r.dryRun} />
              </td>
              <td>{r.trigger}</td>
              <td className="num">{formatDuration(runDuration(r))}</td>
              <td className="wfx-err-cell">{r.error ? `${r.error.code}${r.error.nodeId ? ` at ${r.error.nodeId}` : ''}: ${r.error.message}` : ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {more ? (
        <button type="button" className="button button--ghost wfx-more" disabled={loadingMore} onClick={() => void older()} data-testid={`${testPrefix}-older`}>
          {loadingMore ? 'Loading…' : 'Older runs'}
        </button>
      ) : null}
    </>
  );
}
