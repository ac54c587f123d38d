import { useMemo } from 'react';
import { eventNames } from '../../../../../shared/contract';
import { catchUpPolicies, overlapPolicies } from '../../../../../shared/workflow';
import { FieldErrors } from './FieldErrors';
import { JsonField } from './JsonField';
import { useSchedulePreview } from './use-schedule-preview';
import { WebhookSecret } from './WebhookSecret';

type Trigger = Record<string, unknown>;

interface Props {
  trigger: unknown;
  name: unknown;
  workflowId: string | undefined;
  /** The stored workflow is a webhook workflow (its secret exists only once saved valid). */
  errors: Record<string, string[]>;
  onChange: (t: Trigger, key: string) => void;
}

const defaults: Record<string, Trigger> = {
  manual: { type: 'manual' },
  cron: { type: 'cron', expr: '0 9 * * 1-5', timezone: localZone() },
  event: { type: 'event', event: '' },
  webhook: { type: 'webhook', path: '', respond: 'onFinish' },
};

function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** How the workflow starts: by hand, on a schedule, on an app event, or on a webhook call. */
export function TriggerPanel({ trigger, name, workflowId, errors, onChange }: Props) {
  const t: Trigger = trigger && typeof trigger === 'object' && !Array.isArray(trigger) ? (trigger as Trigger) : {};
  const type = typeof t.type === 'string' ? t.type : '';
  const str = (k: string) => (typeof t[k] === 'string' ? (t[k] as string) : '');
  const set = (k: string, v: unknown) => {
    const next = { ...t };
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
    onChange(next, `trigger:${k}`);
  };
  return (
    <div className="wfe-panel__body" data-testid="trigger-panel">
      <header className="wfe-panel__head">
        <div>
          <h2>Trigger</h2>
          <p className="muted">What starts a run. Steps with no incoming edge start from here.</p>
        </div>
      </header>
      <div className="wfe-tabs" role="radiogroup" aria-label="Trigger type">
        {Object.keys(defaults).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={type === k}
            className={type === k ? 'is-active' : ''}
            onClick={() => type !== k && onChange({ ...(defaults[k] as Trigger) }, 'trigger:type')}
          >
            {k}
          </button>
        ))}
      </div>
      <FieldErrors messages={errors[''] ?? errors.type} />
      {type === 'manual' ? <p className="muted">Runs when you press Run (or from the CLI / API).</p> : null}
      {type === 'cron' ? <CronFields t={t} name={name} str={str} set={set} errors={errors} /> : null}
      {type === 'event' ? (
        <>
          <div className="wfe-field">
            <label htmlFor="wfe-trigger-event">Event</label>
            <select id="wfe-trigger-event" className="select wfe-input" value={str('event')} onChange={(e) => set('event', e.target.value)}>
              <option value="">— choose an event —</option>
              {str('event') && !eventNames.includes(str('event') as never) ? <option value={str('event')}>{str('event')} (unknown)</option> : null}
              {eventNames.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <FieldErrors messages={errors.event} />
          </div>
          <div className="wfe-field">
            <label htmlFor="wfe-trigger-filter">Filter (JSON)</label>
            <JsonField id="wfe-trigger-filter" value={t.filter} rows={3} placeholder={'{ "status": "failed" }'} onChange={(v) => set('filter', v)} />
            <p className="wfe-field__help">Runs only when every key equals the same key of the event.</p>
            <FieldErrors messages={errors.filter} />
          </div>
        </>
      ) : null}
      {type === 'webhook' ? (
        <>
          <div className="wfe-field">
            <label htmlFor="wfe-trigger-path">Path</label>
            <div className="wfe-prefixed">
              <span>/hooks/</span>
              <input id="wfe-trigger-path" className="wfe-input" value={str('path')} placeholder="new-order" onChange={(e) => set('path', e.target.value)} />
            </div>
            <FieldErrors messages={errors.path} />
          </div>
          <div className="wfe-field">
            <label htmlFor="wfe-trigger-respond">Respond</label>
            <select id="wfe-trigger-respond" className="select wfe-input" value={str('respond') || 'onFinish'} onChange={(e) => set('respond', e.target.value)}>
              <option value="onFinish">when the run finishes (with its output)</option>
              <option value="immediately">immediately (202 with the run id)</option>
            </select>
          </div>
          {workflowId ? <WebhookSecret workflowId={workflowId} /> : <p className="muted">Save the workflow to get its secret.</p>}
        </>
      ) : null}
    </div>
  );
}

function CronFields({ t, name, str, set, errors }: { t: Trigger; name: unknown; str: (k: string) => string; set: (k: string, v: unknown) => void; errors: Record<string, string[]> }) {
  const zones = useMemo(() => {
    try {
      return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
    } catch {
      return ['UTC'];
    }
  }, []);
  const preview = useSchedulePreview(t, name);
  const zone = str('timezone') || 'UTC';
  return (
    <>
      <div className="wfe-field">
        <label htmlFor="wfe-trigger-expr">Cron expression</label>
        <input id="wfe-trigger-expr" className="wfe-input wfe-input--mono" value={str('expr')} placeholder="0 9 * * 1-5" onChange={(e) => set('expr', e.target.value)} />
        <p className="wfe-field__help">minute hour day-of-month month day-of-week (e.g. <code>*/15 * * * *</code>)</p>
        <FieldErrors messages={errors.expr} />
      </div>
      <div className="wfe-field">
        <label htmlFor="wfe-trigger-tz">Timezone</label>
        <select id="wfe-trigger-tz" className="select wfe-input" value={zone} onChange={(e) => set('timezone', e.target.value)}>
          {!zones.includes(zone) ? <option value={zone}>{zone} (unknown)</option> : null}
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <FieldErrors messages={errors.timezone} />
      </div>
      <div className="wfe-preview" data-testid="cron-preview" aria-live="polite">
        <h4>Next 5 runs {preview.timezone ? <span className="muted">({preview.timezone})</span> : null}</h4>
        {preview.error ? <p className="wfe-field__parse">{preview.error}</p> : null}
        {!preview.error && preview.times.length === 0 && preview.loading ? <p className="muted">Working out the schedule…</p> : null}
        <ol>
          {preview.times.map((x) => (
            <li key={x.at} title={x.iso}>
              {x.local}
            </li>
          ))}
        </ol>
      </div>
      <div className="wfe-grid2">
        <div className="wfe-field">
          <label htmlFor="wfe-trigger-overlap">If still running</label>
          <select id="wfe-trigger-overlap" className="select wfe-input" value={str('overlap') || 'skip'} onChange={(e) => set('overlap', e.target.value)}>
            {overlapPolicies.map((o) => (
              <option key={o} value={o}>
                {o === 'skip' ? 'skip the new run' : o === 'buffer-one' ? 'queue one more' : 'run both'}
              </option>
            ))}
          </select>
          <FieldErrors messages={errors.overlap} />
        </div>
        <div className="wfe-field">
          <label htmlFor="wfe-trigger-catchup">Missed while asleep</label>
          <select id="wfe-trigger-catchup" className="select wfe-input" value={str('catchUp') || 'latest'} onChange={(e) => set('catchUp', e.target.value)}>
            {catchUpPolicies.map((o) => (
              <option key={o} value={o}>
                {o === 'none' ? 'skip them' : o === 'latest' ? 'run the latest once' : 'run every one'}
              </option>
            ))}
          </select>
          <FieldErrors messages={errors.catchUp} />
        </div>
        <div className="wfe-field">
          <label htmlFor="wfe-trigger-window">Catch-up window</label>
          <input id="wfe-trigger-window" className="wfe-input" value={str('catchUpWindow')} placeholder="24h" onChange={(e) => set('catchUpWindow', e.target.value)} />
          <FieldErrors messages={errors.catchUpWindow} />
        </div>
      </div>
    </>
  );
}
