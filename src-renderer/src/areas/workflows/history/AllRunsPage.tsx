import { getApi } from '../../../api/client';
import { useLoad } from '../../../hooks/use-load';
import { workflowsHref } from '../routes';
import { SubpageHeader } from '../WorkflowHeader';
import { RunFilters, useRunFilters } from './RunFilters';
import { RunTable } from './RunTable';
import { useRunPages } from './use-run-pages';

/** Every workflow's runs (CLI runs of a file too), newest first, filtered by workflow, status and dates. */
export function AllRunsPage() {
  const workflows = useLoad(() => getApi().workflows.list({}), []);
  const filters = useRunFilters();
  const pages = useRunPages(filters.query);
  return (
    <div className="stack wfx" data-testid="all-runs">
      <SubpageHeader back={{ href: workflowsHref.list(), label: 'All workflows' }} title="All runs" subtitle="Every workflow’s runs, newest first, including runs of a file from the CLI." />
      <RunFilters state={filters} testPrefix="runs" workflows={workflows.data?.workflows ?? []} />
      <RunTable pages={pages} filtered={filters.filtered} showWorkflow testPrefix="runs" emptyHint="Runs appear here when a workflow is triggered or run." />
    </div>
  );
}
