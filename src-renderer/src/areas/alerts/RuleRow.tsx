import { Fragment, useState } from 'react';
import type { NotifyRule } from '../../../../shared/contract/notify-rules';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { severityTone } from './format';
import { RuleEditor } from './RuleEditor';
import { filterText } from './rule-draft';

/** One rule: what it follows, where it goes, on/off at once (notify.setRule), Edit, and Reset when changed (notify.resetRule). */
export function RuleRow({ rule, channels, columns, onChanged }: { rule: NotifyRule; channels: readonly string[]; columns: number; onChanged(): void }) {
  const [editing, setEditing] = useState(false);
  const action = useAction();
  const change = (name: string, call: () => Promise<unknown>) => void action.run(async () => void (await call()), name).then((ok) => ok && onChanged());
  return (
    <Fragment>
      <tr data-testid="rule-row" data-rule={rule.id} data-enabled={rule.enabled}>
        <td className="al-notice">
          <strong>{rule.label}</strong>
          <span className="muted">{rule.about}</span>
          <code className="al-event">{rule.event}</code>
        </td>
        <td data-testid="rule-channels">{rule.channels.join(', ')}</td>
        <td>
          <span className={`pill tone--${severityTone[rule.severity]}`} data-testid="rule-severity-shown">
            {rule.severity}
          </span>
        </td>
        <td data-testid="rule-filter">{filterText(rule.filter)}</td>
        <td>
          <button type="button" role="switch" aria-checked={rule.enabled} aria-label={`${rule.label} on`} className="switch" disabled={action.pending} onClick={() => change('toggle', () => getApi().notify.setRule({ id: rule.id, enabled: !rule.enabled }))} data-testid="rule-enabled">
            <span className="switch__track" aria-hidden="true">
              <span className="switch__thumb" />
            </span>
            <span className="switch__text">{rule.enabled ? 'On' : 'Off'}</span>
          </button>
        </td>
        <td>
          <div className="actions al-row-actions">
            <button type="button" className="button button--ghost button--small" aria-expanded={editing} onClick={() => setEditing(!editing)} data-testid="rule-edit">
              {editing ? 'Close' : 'Edit'}
            </button>
            {rule.changed ? (
              <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={() => change('reset', () => getApi().notify.resetRule({ id: rule.id }))} data-testid="rule-reset">
                Reset
              </button>
            ) : null}
          </div>
        </td>
      </tr>
      {action.error ? (
        <tr>
          <td colSpan={columns}>
            <ErrorNotice message={action.error} inline />
          </td>
        </tr>
      ) : null}
      {editing ? (
        <tr>
          <td colSpan={columns}>
            <RuleEditor
              rule={rule}
              channels={channels}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                onChanged();
              }}
            />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
