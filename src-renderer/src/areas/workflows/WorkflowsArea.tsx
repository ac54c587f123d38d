import { AnalyticsPage } from './analytics/AnalyticsPage';
import { EditorPage } from './editor/EditorPage';
import { HistoryPage } from './history/HistoryPage';
import { AllRunsPage } from './history/AllRunsPage';
import { ListPage } from './list/ListPage';
import { useWorkflowsRoute, workflowsHref } from './routes';
import { RunViewPage } from './run-view/RunViewPage';
import { TemplatesPage } from './templates/TemplatesPage';
import './workflows.css';

/** The Workflows area: list, template gallery, editor, run history, all runs, live run view and analytics, by sub-route (routes.ts). */
export default function WorkflowsArea() {
  const route = useWorkflowsRoute();
  switch (route.page) {
    case 'list':
      return <ListPage />;
    case 'editor':
      return <EditorPage key={route.workflowId ?? (route.fromImport ? 'import' : 'new')} {...(route.workflowId !== undefined ? { workflowId: route.workflowId } : {})} fromImport={route.fromImport} />;
    case 'history':
      return <HistoryPage key={route.workflowId} workflowId={route.workflowId} />;
    case 'all-runs':
      return <AllRunsPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'run':
      return <RunViewPage key={route.runId} workflowId={route.workflowId} runId={route.runId} />;
    case 'analytics':
      return <AnalyticsPage key={route.workflowId} workflowId={route.workflowId} />;
    case 'unknown':
      return (
        <div className="card empty" role="alert">
          <strong>No such page</strong>
          <span className="muted">
            “#/{route.path}” is not a Workflows page. <a href={workflowsHref.list()}>Back to all workflows</a>
          </span>
        </div>
      );
  }
}

