import type { WorkflowSummary } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { formatTime } from '../../../format/time';
import { formatRate, triggerLabel } from '../format';
import { workflowsHref } from '../routes';
import { StatusBadge } from '../StatusBadge';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { When } from '../../../components/When';

/** When the trigger fires next, in words. */
function nextRun(w: WorkflowSummary): string {
  if (w.draft) return 'never: a draft does not run';
  if (!w.enabled && w.triggerType !== 'manual') return 'trigger off';
  switch (w.triggerType) {
    case 'manual':
      return 'when you run it';
    case 'webhook':
      return w.webhookPath ? `on each POST /hooks/${w.webhookPath}` : 'on each webhook call';
    case 'cron':
      return w.nextFireAt !== undefined ? formatTime(w.nextFireAt) : '—';
    default:
      // event, and the named event triggers (shared/triggers)
      return 'on its event';
  }
}

export interface RowActions {
  /** Opens the Run dialog (manual workflows that may run). */
  onRun(w: WorkflowSummary): void;
  onDuplicate(w: WorkflowSummary): void;
  onExport(w: WorkflowSummary): void;
  onDelete(w: WorkflowSummary): void;
  onChanged(): void;
  busy: boolean;
}

/** One workflow in the list: its numbers, its trigger switch and what can be done with it. */
export function WorkflowRow({ w, actions }: { w: WorkflowSummary; actions: RowActions }) {
  const toggling = useAction();
  const toggle = () =>
    void toggling.run(async () => {
      await getApi().workflows.setEnabled({ id: w.id, enabled: !w.enabled });
      actions.onChanged();
    });
  return (
    <tr data-testid={`workflow-row-${w.id}`} data-name={w.name}>
      <th scope="row">
        <a className="wfx-name" href={workflowsHref.editor(w.id)}>
          {w.name}
        </a>
        {w.draft ? (
          <span className="pill pill--plain pill--outlined tone--warn wfx-draft" data-testid="draft-badge" title="Saved with validation problems: it cannot run until they are fixed">
            draft · {w.problems} problem{w.problems === 1 ? '' : 's'}
          </span>
        ) : null}
        {w.description ? <span className="wfx-desc muted">{w.description}</span> : null}
        <span className="wfx-links">
          <a href={workflowsHref.history(w.id)}>Runs</a>
          <a href={workflowsHref.analytics(w.id)}>Analytics</a>
        </span>
      </th>
      <td data-testid="workflow-trigger">{triggerLabel[w.triggerType]}</td>
      <td data-testid="workflow-next" className="wfx-next">
        {nextRun(w)}
      </td>
      <td data-testid="workflow-last">
        {w.lastRun ? (
          <a href={workflowsHref.run(w.id, w.lastRun.runId)}>
            <StatusBadge status={w.lastRun.status} /> <When at={w.lastRun.at} show="relative" />
          </a>
        ) : (
          <span className="muted">never run</span>
        )}
      </td>
      <td data-testid="workflow-success" className="num" title="Succeeded / finished runs, last 30 days">
        {formatRate(w.successRate)}
      </td>
      <td>
        <button
          type="button"
          role="switch"
          aria-checked={w.enabled}
          aria-label={`Trigger of ${w.name}`}
          className="switch"
          data-testid="workflow-enabled"
          disabled={toggling.pending}
          onClick={toggle}
        >
          <span className="switch__track" aria-hidden="true">
            <span className="switch__thumb" />
          </span>
          <span className="switch__text">{w.enabled ? 'On' : 'Off'}</span>
        </button>
        <ErrorNotice message={toggling.error?.message} inline />
      </td>
      <td>
        <div className="actions wfx-row-actions">
          {w.triggerType === 'manual' && !w.draft ? (
            <button type="button" className="button button--small" disabled={actions.busy} onClick={() => actions.onRun(w)} data-testid="workflow-run">
              Run…
            </button>
          ) : null}
          <button type="button" className="button button--ghost button--small" disabled={actions.busy} onClick={() => actions.onDuplicate(w)}>
            Duplicate
          </button>
          <button type="button" className="button button--ghost button--small" disabled={actions.busy} onClick={() => actions.onExport(w)}>
            Export
          </button>
          <button type="button" className="button button--ghost button--small button--danger" disabled={actions.busy} onClick={() => actions.onDelete(w)}>
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}
