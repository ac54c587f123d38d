import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../../../shared/contract/workflows';
import { runStatuses } from '../../../../../shared/workflow';
import { getApi } from '../../../api/client';
import { toLevqorError } from '../../../api/to-levqor-error';
import { DataTable } from '../../../components/DataTable';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FieldError } from '../../../components/FieldError';
import { formatTimeExact } from '../../../format/time';
import { formatDuration, runStatusLabel } from '../format';
import { workflowsHref } from '../routes';
import { StatusBadge } from '../StatusBadge';
import { useLoad } from '../../../hooks/use-load';
import { WorkflowHeader } from '../WorkflowHeader';
import { emptyFilters, toRunQuery, type HistoryFilters, type RunQuery } from './filters';

const pageSize = 25;

/** A workflow's runs, newest first, filtered by status and dates, a page at a time. */
export function HistoryPage({ workflowId }: { workflowId: string }) {
  const workflow = useLoad(() => getApi().workflows.get({ id: workflowId }), [workflowId]);
  const [filters, setFilters] = useState<HistoryFilters>(emptyFilters);
  const [query, setQuery] = useState<RunQuery>({});
  const [filterError, setFilterError] = useState<{ field: string; message: string } | undefined>(undefined);
  const [runs, setRuns] = useState<RunSummary[] | undefined>(undefined);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const ticket = useRef(0);
  const shown = useRef(pageSize);

  /** Loads the newest `count` runs matching the query (a live refresh keeps what was paged in). */
  const load = useCallback(
    async (count: number) => {
      const mine = ++ticket.current;
      try {
        const limit = Math.min(500, count);
        const out = await getApi().runs.list({ workflowId, limit: limit + 1, ...query });
        if (mine !== ticket.current) return;
        setRuns(out.runs.slice(0, limit));
        setMore(out.runs.length > limit);
        setError(undefined);
      } catch (err) {
        if (mine === ticket.current) setError(toLevqorError(err).message);
      }
    },
    [workflowId, query],
  );

  useEffect(() => {
    shown.current = pageSize;
    setRuns(undefined);
    void load(pageSize);
  }, [load]);

  useEffect(() => {
    const api = getApi();
    let timer: number | undefined;
    const soon = (p: { workflowId: string | null }) => {
      if (p.workflowId !== workflowId || timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        void load(shown.current);
      }, 300);
    };
    const offs = [api.on('run.started', soon), api.on('run.finished', soon)];
    return () => {
      offs.forEach((off) => off());
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [workflowId, load]);

  const older = async () => {
    const last = runs?.at(-1);
    if (!runs || !last) return;
    setLoadingMore(true);
    try {
      // `before` is a time: runs created in the same millisecond as the last one shown would
      // fall between pages, so ask from that millisecond on and drop the ones already listed
      const shownIds = new Set(runs.map((r) => r.id));
      const sameMs = runs.filter((r) => r.createdAt === last.createdAt).length;
      const out = await getApi().runs.list({ workflowId, limit: Math.min(500, pageSize + 1 + sameMs), ...query, before: last.createdAt + 1 });
      const fresh = out.runs.filter((r) => !shownIds.has(r.id));
      setRuns((r) => [...(r ?? []), ...fresh.slice(0, pageSize)]);
      setMore(fresh.length > pageSize);
      shown.current += pageSize;
    } catch (err) {
      setError(toLevqorError(err).message);
    } finally {
      setLoadingMore(false);
    }
  };

  const apply = (next: HistoryFilters) => {
    setFilters(next);
    const parsed = toRunQuery(next);
    if (!parsed.ok) {
      setFilterError({ field: parsed.field, message: parsed.message });
      return;
    }
    setFilterError(undefined);
    setQuery(parsed.query);
  };
  const filtered = query.status !== undefined || query.from !== undefined || query.to !== undefined;

  return (
    <div className="stack wfx" data-testid="run-history">
      <WorkflowHeader workflowId={workflowId} workflow={workflow.data} current="history" />
      {workflow.error ? <p className="muted">This workflow could not be loaded ({workflow.error}); its runs are still listed.</p> : null}
      <form className="card wfx-filters" aria-label="Filter runs" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>Status</span>
          <select className="select" value={filters.status} data-testid="history-status" onChange={(e) => apply({ ...filters, status: e.target.value as HistoryFilters['status'] })}>
            <option value="">Any status</option>
            {runStatuses.map((s) => (
              <option key={s} value={s}>
                {runStatusLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <DayField label="From" value={filters.fromDay} testId="history-from" invalid={filterError?.field === 'from'} onChange={(fromDay) => apply({ ...filters, fromDay })} />
        <DayField label="To" value={filters.toDay} testId="history-to" invalid={filterError?.field === 'to'} onChange={(toDay) => apply({ ...filters, toDay })} />
        {filtered || filterError ? (
          <button type="button" className="button button--ghost" onClick={() => apply(emptyFilters)}>
            Clear filters
          </button>
        ) : null}
        <FieldError id="history-filter-error" error={filterError} />
      </form>
      <ErrorNotice message={error && `Could not load runs: ${error}`} />
      {runs === undefined && !error ? <p className="muted">Loading runs…</p> : null}
      {runs !== undefined && runs.length === 0 ? (
        <div className="card empty" data-testid="history-empty">
          <strong>{filtered ? 'No runs match these filters' : 'No runs yet'}</strong>
          <span className="muted">{filtered ? 'Widen the dates or pick another status.' : 'Runs appear here when the workflow is triggered or run from the editor.'}</span>
        </div>
      ) : null}
      {runs !== undefined && runs.length > 0 ? (
        <DataTable className="wfx-table" testId="history-table" columns={['Started', 'Status', 'Trigger', 'Duration', 'Error']}>
          {runs.map((r) => (
            <tr key={r.id} data-testid={`history-row-${r.id}`} data-status={r.status}>
              <th scope="row">
                <a href={workflowsHref.run(workflowId, r.id)}>{formatTimeExact(r.startedAt ?? r.createdAt)}</a>
              </th>
              <td>
                <StatusBadge status={r.status} dryRun={r.dryRun} />
              </td>
              <td>{r.trigger}</td>
              <td className="num">{formatDuration(r.startedAt !== null && r.finishedAt !== null ? r.finishedAt - r.startedAt : null)}</td>
              <td className="wfx-err-cell">{r.error ? `${r.error.code}${r.error.nodeId ? ` at ${r.error.nodeId}` : ''}: ${r.error.message}` : ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {more ? (
        <button type="button" className="button button--ghost wfx-more" disabled={loadingMore} onClick={() => void older()} data-testid="history-older">
          {loadingMore ? 'Loading…' : 'Older runs'}
        </button>
      ) : null}
    </div>
  );
}

/** One end of the date range: a day input, marked invalid when the filter blames it. */
function DayField({ label, value, testId, invalid, onChange }: { label: string; value: string; testId: string; invalid: boolean; onChange(day: string): void }) {
  return (
    <label>
      <span>{label}</span>
      <input type="date" className="input" value={value} data-testid={testId} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
