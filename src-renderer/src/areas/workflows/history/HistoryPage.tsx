import { useMemo } from 'react';
import { getApi } from '../../../api/client';
import { useLoad } from '../../../hooks/use-load';
import { WorkflowHeader } from '../WorkflowHeader';
import { RunFilters, useRunFilters } from './RunFilters';
import { RunTable } from './RunTable';
import { useRunPages } from './use-run-pages';

/** A workflow's runs, newest first, filtered by status and dates, a page at a time. */
export function HistoryPage({ workflowId }: { workflowId: string }) {
  const workflow = useLoad(() => getApi().workflows.get({ id: workflowId }), [workflowId]);
  const filters = useRunFilters();
  const query = useMemo(() => ({ ...filters.query, workflowId }), [filters.query, workflowId]);
  const pages = useRunPages(query);
  return (
    <div className="stack wfx" data-testid="run-history">
      <WorkflowHeader workflowId={workflowId} workflow={workflow.data} current="history" />
      {workflow.error ? <p className="muted">This workflow could not be loaded ({workflow.error}); its runs are still listed.</p> : null}
      <RunFilters state={filters} testPrefix="history" />
      <RunTable pages={pages} filtered={filters.filtered} showWorkflow={false} testPrefix="history" emptyHint="Runs appear here when the workflow is triggered or run from the editor." />
    </div>
  );
}
