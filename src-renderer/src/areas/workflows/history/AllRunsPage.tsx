import { getApi } from '../../../api/client';
import { useLoad } from '../../../hooks/use-load';
import { workflowsHref } from '../routes';
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
      <div className="wfx-header">
        <a className="wfx-back" href={workflowsHref.list()}>
          ← All workflows
        </a>
        <div className="wfx-header__row">
          <div className="wfx-header__title">
            <h2>All runs</h2>
            <span className="muted">Every workflow’s runs, newest first, including runs of a file from the CLI.</span>
          </div>
        </div>
      </div>
      <RunFilters state={filters} testPrefix="runs" workflows={workflows.data?.workflows ?? []} />
      <RunTable pages={pages} filtered={filters.filtered} showWorkflow testPrefix="runs" emptyHint="Runs appear here when a workflow is triggered or run." />
    </div>
  );
}
