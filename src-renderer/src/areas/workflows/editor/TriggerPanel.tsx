import { useMemo, useState } from 'react';
import { eventNames } from '../../../../../shared/contract';
import { cronFieldOrder, cronFields, cronForms, cronNicknames } from '../../../../../shared/cron';
import { catchUpPolicies, overlapPolicies } from '../../../../../shared/workflow';
import { eventTriggerType, eventTriggerTypes } from '../../../../../shared/triggers';
import { FieldErrors } from './FieldErrors';
import { JsonField } from './JsonField';
import { useSchedulePreview } from './use-schedule-preview';
import { WebhookPanel } from './WebhookPanel';

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
  ...Object.fromEntries(eventTriggerTypes.map((t) => [t.type, { type: t.type }])),
};

/** What each cron policy does, in the words its select shows. */
const overlapWords: Record<(typeof overlapPolicies)[number], string> = { skip: 'skip the new run', 'buffer-one': 'queue one more', allow: 'run both' };
const catchUpWords: Record<(typeof catchUpPolicies)[number], string> = { none: 'skip them', latest: 'run the latest once', all: 'run every one' };

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
  const named = eventTriggerType(type);
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
            {eventTriggerType(k)?.title ?? k}
          </button>
        ))}
      </div>
      <FieldErrors messages={errors[''] ?? errors.type} />
      {type === 'manual' ? (
        <>
          <p className="muted">Runs when you press Run (or from the CLI / API), with the input you give it.</p>
          <div className="wfe-field">
            <label htmlFor="wfe-trigger-input">Input fields (optional)</label>
            <JsonField id="wfe-trigger-input" value={t.input} rows={4} placeholder={'{ "order": { "type": "text", "required": true } }'} onChange={(v) => set('input', v)} />
            <p className="wfe-field__help">
              Each field: <code>type</code> text, number, boolean or json; <code>label</code>, <code>required</code>, <code>default</code>. Run then shows a form; steps read <code>{'{{ input.order }}'}</code>.
            </p>
            <FieldErrors messages={Object.entries(errors).flatMap(([k, ms]) => (/^input(\.|\[|$)/.test(k) ? ms.map((m) => `${k}: ${m}`) : []))} />
          </div>
        </>
      ) : null}
      {type === 'cron' ? <CronFields t={t} name={name} str={str} set={set} errors={errors} /> : null}
      {type === 'event' ? (
        <>
          <EventField value={str('event')} errors={errors.event} onChange={(v) => set('event', v)} />
          <FilterField value={t.filter} placeholder={'{ "status": "failed" }'} errors={errors.filter} onChange={(v) => set('filter', v)} />
        </>
      ) : null}
      {named ? (
        <>
          <p className="muted">{named.description}</p>
          <FilterField value={t.filter} placeholder={JSON.stringify(named.filterExample)} errors={errors.filter} onChange={(v) => set('filter', v)} />
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
          {workflowId ? <WebhookPanel workflowId={workflowId} /> : <p className="muted">Save the workflow to get its secret.</p>}
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
        <CronHint />
        <FieldErrors messages={errors.expr} />
      </div>
      <SelectField id="wfe-trigger-tz" label="Timezone" value={zone} options={zones} errors={errors.timezone} onChange={(v) => set('timezone', v)} />
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
        <SelectField id="wfe-trigger-overlap" label="If still running" value={str('overlap') || 'skip'} options={overlapPolicies} words={overlapWords} errors={errors.overlap} onChange={(v) => set('overlap', v)} />
        <SelectField id="wfe-trigger-catchup" label="Missed while asleep" value={str('catchUp') || 'latest'} options={catchUpPolicies} words={catchUpWords} errors={errors.catchUp} onChange={(v) => set('catchUp', v)} />
        <div className="wfe-field">
          <label htmlFor="wfe-trigger-window">Catch-up window</label>
          <input id="wfe-trigger-window" className="wfe-input" value={str('catchUpWindow')} placeholder="24h" onChange={(e) => set('catchUpWindow', e.target.value)} />
          <FieldErrors messages={errors.catchUpWindow} />
        </div>
      </div>
    </>
  );
}

/** What a cron expression may say: the same table (shared/cron.ts) the scheduler's errors are worded from. */
function CronHint() {
  return (
    <div className="wfe-field__help" data-testid="cron-hint">
      <p>
        <code>{cronFieldOrder}</code>; each field is {cronForms}.
      </p>
      <details>
        <summary>What each field takes</summary>
        <ul>
          {cronFields.map((f) => (
            <li key={f.id}>
              <strong>{f.label}</strong>: {f.values}
            </li>
          ))}
          <li>A 6th field in front is seconds (0–59); {cronNicknames.join(', ')} stand for a whole expression.</li>
        </ul>
      </details>
    </div>
  );
}

/** The event: no error under it until the founder has chosen one (an empty choice is in the problem list). */
function EventField({ value, errors, onChange }: { value: string; errors: string[] | undefined; onChange(v: string): void }) {
  const [touched, setTouched] = useState(value !== '');
  return (
    <SelectField
      id="wfe-trigger-event"
      label="Event"
      value={value}
      options={eventNames}
      empty="— choose an event —"
      errors={touched || value !== '' ? errors : undefined}
      onChange={(v) => {
        setTouched(true);
        onChange(v);
      }}
    />
  );
}

/**
 * A select field of the trigger: `empty` (if given) for no choice yet, then the current value
 * when it is none of `options` (marked unknown, so a hand-edited document loses nothing), then
 * the options in their order.
 */
function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  /** What an option shows, when not its value. */
  words?: Readonly<Record<string, string>>;
  empty?: string;
  errors: string[] | undefined;
  onChange(value: string): void;
}) {
  const { id, label, value, options, words = {}, empty, errors, onChange } = props;
  return (
    <div className="wfe-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select wfe-input" value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {value && !options.includes(value) ? <option value={value}>{value} (unknown)</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {words[o] ?? o}
          </option>
        ))}
      </select>
      <FieldErrors messages={errors} />
    </div>
  );
}

/** A subset match on the event's payload, for `event` and the named event triggers. */
function FilterField({ value, placeholder, errors, onChange }: { value: unknown; placeholder: string; errors: string[] | undefined; onChange: (v: unknown) => void }) {
  return (
    <div className="wfe-field">
      <label htmlFor="wfe-trigger-filter">Filter (JSON)</label>
      <JsonField id="wfe-trigger-filter" value={value} rows={3} placeholder={placeholder} onChange={onChange} />
      <p className="wfe-field__help">Runs only when every key equals the same key of the event.</p>
      <FieldErrors messages={errors} />
    </div>
  );
}
