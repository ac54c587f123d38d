import { useState } from 'react';
import { noticeSeverities, type NoticeSeverity } from '../../../../shared/contract/notify';
import type { NotifyRule } from '../../../../shared/contract/notify-rules';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { draftOf, filterOf, type RuleDraft } from './rule-draft';

/** A rule's channels, severity and filter (notify.setRule); a refused change shows the server's words and changes nothing. */
export function RuleEditor({ rule, channels, onSaved, onCancel }: { rule: NotifyRule; channels: readonly string[]; onSaved(): void; onCancel(): void }) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const action = useAction();
  const toggleChannel = (id: string, on: boolean) => setDraft((d) => ({ ...d, channels: on ? [...d.channels, id] : d.channels.filter((c) => c !== id) }));
  const setField = (field: string, change: Partial<RuleDraft['filter'][string]>) => setDraft((d) => ({ ...d, filter: { ...d.filter, [field]: { ...d.filter[field]!, ...change } } }));
  const save = () =>
    void action
      .run(async () => {
        await getApi().notify.setRule({ id: rule.id, channels: draft.channels, severity: draft.severity, filter: filterOf(draft) });
      })
      .then((ok) => ok && onSaved());

  return (
    <form className="section al-rule-editor" data-testid="rule-editor" onSubmit={(e) => (e.preventDefault(), save())}>
      <fieldset className="al-choices">
        <legend>Channels</legend>
        {channels.map((id) => (
          <label key={id} className="check">
            <input type="checkbox" checked={draft.channels.includes(id)} onChange={(e) => toggleChannel(id, e.target.checked)} data-testid={`rule-channel-${id}`} />
            {id}
          </label>
        ))}
      </fieldset>
      <label className="field al-severity">
        <span>Severity</span>
        <select className="select" value={draft.severity} onChange={(e) => setDraft((d) => ({ ...d, severity: e.target.value as NoticeSeverity }))} data-testid="rule-severity">
          {noticeSeverities.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <fieldset className="al-filter">
        <legend>Filter: only events whose fields match (empty = any)</legend>
        {rule.fields.map((field) => (
          <div key={field} className="toolbar">
            <label className="field">
              <span>{field}</span>
              <input className="input" value={draft.filter[field]?.text ?? ''} onChange={(e) => setField(field, { text: e.target.value })} data-testid={`rule-filter-${field}`} />
            </label>
            <label className="check">
              <input type="checkbox" checked={draft.filter[field]?.contains ?? false} onChange={(e) => setField(field, { contains: e.target.checked })} data-testid={`rule-filter-${field}-contains`} />
              contains (not equals)
            </label>
          </div>
        ))}
      </fieldset>
      <ErrorNotice message={action.error} inline testId="rule-error" />
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={action.pending}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={action.pending} data-testid="rule-save">
          {action.pending ? 'Saving…' : 'Save rule'}
        </button>
      </div>
    </form>
  );
}
