import type { WorkflowDetail } from '../../../../shared/contract/workflows';
import { workflowsHref } from './routes';
import { triggerLabel } from './format';

type Tab = 'history' | 'analytics' | 'run';

/** The title strip of one workflow's pages: back to the list, its name, and its tabs. */
export function WorkflowHeader({ workflowId, workflow, current, fallbackName }: { workflowId: string; workflow: WorkflowDetail | undefined; current: Tab; fallbackName?: string }) {
  const name = workflow?.name ?? fallbackName ?? 'Workflow';
  return (
    <div className="wfx-header">
      <a className="wfx-back" href={workflowsHref.list()}>
        ← All workflows
      </a>
      <div className="wfx-header__row">
        <div className="wfx-header__title">
          <h2 data-testid="workflow-title">{name}</h2>
          {workflow ? (
            <span className="muted">
              {triggerLabel[workflow.triggerType]} · {workflow.steps} step{workflow.steps === 1 ? '' : 's'}
              {workflow.draft ? ' · draft' : ''}
            </span>
          ) : null}
        </div>
        <nav className="wfx-tabs" aria-label="Workflow pages">
          <a href={workflowsHref.editor(workflowId)}>Editor</a>
          <a href={workflowsHref.history(workflowId)} aria-current={current === 'history' || current === 'run' ? 'page' : undefined}>
            Runs
          </a>
          <a href={workflowsHref.analytics(workflowId)} aria-current={current === 'analytics' ? 'page' : undefined}>
            Analytics
          </a>
        </nav>
      </div>
    </div>
  );
}
