import type { ReactNode } from 'react';
import type { WorkflowDetail } from '../../../../shared/contract/workflows';
import { workflowsHref } from './routes';
import { triggerLabel } from './format';

type Tab = 'history' | 'analytics' | 'run';

/** The title strip of a page inside the area: a link back, the title, a line under it, and (optionally) tabs. */
export function SubpageHeader({ back, title, subtitle, children }: { back: { href: string; label: string }; title: string; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <div className="wfx-header">
      <a className="wfx-back" href={back.href}>
        ← {back.label}
      </a>
      <div className="wfx-header__row">
        <div className="wfx-header__title">
          <h2 data-testid="workflow-title">{title}</h2>
          {subtitle ? <span className="muted">{subtitle}</span> : null}
        </div>
        {children}
      </div>
    </div>
  );
}

/** The title strip of one workflow's pages: back to the list, its name, and its tabs. */
export function WorkflowHeader({ workflowId, workflow, current, fallbackName }: { workflowId: string; workflow: WorkflowDetail | undefined; current: Tab; fallbackName?: string }) {
  const name = workflow?.name ?? fallbackName ?? 'Workflow';
  const subtitle = workflow ? `${triggerLabel[workflow.triggerType]} · ${workflow.steps} step${workflow.steps === 1 ? '' : 's'}${workflow.draft ? ' · draft' : ''}` : undefined;
  return (
    <SubpageHeader back={{ href: workflowsHref.list(), label: 'All workflows' }} title={name} subtitle={subtitle}>
      <nav className="wfx-tabs" aria-label="Workflow pages">
        <a href={workflowsHref.editor(workflowId)}>Editor</a>
        <a href={workflowsHref.history(workflowId)} aria-current={current === 'history' || current === 'run' ? 'page' : undefined}>
          Runs
        </a>
        <a href={workflowsHref.analytics(workflowId)} aria-current={current === 'analytics' ? 'page' : undefined}>
          Analytics
        </a>
      </nav>
    </SubpageHeader>
  );
}
