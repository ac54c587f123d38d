import { useId, useState } from 'react';
import type { Monitor, MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldSelect } from '../../components/FieldSelect';
import type { ParamField } from '../../components/schema-fields';
import { useAction } from '../../hooks/use-action';
import { addCommand, commonFormFields, draftChanges, draftInput, monitorText, settingFields } from './monitor-draft';

/**
 * A monitor's form, built from guardian.monitorTypes: pick a type and its own fields appear.
 * New: guardian.addMonitor (and the `levqor monitor add` command that does the same). Edit
 * (`monitor` given): the type stays, and guardian.updateMonitor gets only what changed.
 */
export function MonitorForm({ types, monitor, onClose, onSaved }: { types: MonitorTypeInfo[]; monitor?: Monitor; onClose(): void; onSaved(m: Monitor): void }) {
  const [type, setType] = useState(monitor?.type ?? types[0]?.type ?? '');
  const info = types.find((t) => t.type === type);
  const [before] = useState<Record<string, string>>(() => (monitor && info ? monitorText(info, monitor) : {}));
  const [text, setText] = useState<Record<string, string>>(before);
  const [copied, setCopied] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const formId = useId();
  const save = useAction();
  const draft = info ? draftInput(info, text) : undefined;
  const edit = monitor && info ? draftChanges(info, before, text) : undefined;
  const problems = (edit ?? draft)?.problems ?? {};
  const ready = Object.keys(problems).length === 0 && (!edit || Object.keys(edit.changes).length > 0);
  const command = !monitor && draft && Object.keys(draft.problems).length === 0 ? addCommand(draft.input) : undefined;
  const blamed = save.error?.field;
  const set = (key: string, value: string) => {
    setText((t) => ({ ...t, [key]: value }));
    setTouched((t) => new Set(t).add(key));
    setCopied(false);
    save.clearError();
  };
  const copy = async () => {
    if (!command) return;
    await navigator.clipboard.writeText(command).then(() => setCopied(true), () => setCopied(false));
  };
  const submit = () =>
    void save.run(async () => {
      if (!draft || !ready) return;
      const saved = monitor && edit ? await getApi().guardian.updateMonitor({ id: monitor.id, ...edit.changes }) : await getApi().guardian.addMonitor({ ...draft.input, type });
      onSaved(saved);
    });
  const fieldOf = (f: ParamField) => (
    <FormField
      key={`${type}:${f.key}`}
      id={`${formId}-${f.key}`}
      field={f}
      value={text[f.key] ?? ''}
      problem={touched.has(f.key) ? problems[f.key] : undefined}
      apiProblem={blamed === f.key ? save.error?.message.replace(new RegExp(`^${f.key}: `), '') : undefined}
      onChange={(v) => set(f.key, v)}
    />
  );

  return (
    <form
      className="gform"
      data-testid="monitor-form"
      aria-label={monitor ? `Edit ${monitor.name}` : 'Add a monitor'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="gform__field">
        <label htmlFor={`${formId}-type`}>Type</label>
        <select id={`${formId}-type`} className="select" value={type} disabled={monitor !== undefined} onChange={(e) => setType(e.target.value)} data-testid="monitor-form-type">
          {types.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        {info ? <p className="gform__help muted">{monitor ? 'A monitor keeps its type; add a new one for another.' : info.description}</p> : null}
      </div>
      {info ? (
        <div className="gform__grid" data-testid="monitor-form-settings" data-type={info.type}>
          {settingFields(info).map(fieldOf)}
          {info.receivesPings && !monitor ? <p className="gform__help muted">Once added, the monitor shows the URL your cron job calls.</p> : null}
        </div>
      ) : null}
      <div className="gform__grid">{commonFormFields.map(fieldOf)}</div>
      {save.error && !(blamed && (info ? [...settingFields(info), ...commonFormFields] : commonFormFields).some((f) => f.key === blamed)) ? <ErrorNotice message={save.error} inline testId="monitor-form-error" /> : null}
      <div className="gform__actions">
        <button type="submit" className="button" disabled={!ready || save.pending} data-testid="monitor-form-submit">
          {save.pending ? 'Saving…' : monitor ? 'Save changes' : 'Add monitor'}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {monitor ? 'Cancel' : 'Close'}
        </button>
      </div>
      {monitor ? null : (
        <div className="gform__command">
          <p className="muted">Or from the command line:</p>
          {command ? (
            <div className="gform__run">
              <code data-testid="monitor-command">{command}</code>
              <button type="button" className="button button--ghost button--small" onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy'}
              </button>
            </div>
          ) : (
            <p className="field-error" data-testid="monitor-command-missing">
              Fill in the fields marked above first.
            </p>
          )}
        </div>
      )}
    </form>
  );
}

/** One field; `problem` only once the founder touched it (a required field is marked with *, not scolded before anything was typed). */
function FormField({ id, field, value, problem, apiProblem, onChange }: { id: string; field: ParamField; value: string; problem: string | undefined; apiProblem: string | undefined; onChange(v: string): void }) {
  const shown = apiProblem ?? problem;
  const described = shown ? `${id}-problem` : undefined;
  let control;
  if (field.widget === 'select') {
    control = <FieldSelect id={id} field={field} className="select" value={value} describedBy={described} onChange={onChange} />;
  } else if (field.widget === 'boolean') {
    control = <input id={id} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : '')} />;
  } else {
    const placeholder = field.placeholder ?? (field.defaultValue !== undefined ? String(field.defaultValue) : undefined);
    control = <input id={id} className="input" inputMode={field.widget === 'number' ? 'decimal' : undefined} value={value} placeholder={placeholder} aria-invalid={shown ? true : undefined} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="gform__field" data-testid={`monitor-field-${field.key}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? <span title="Required"> *</span> : null}
      </label>
      {control}
      {field.help ? <p className="gform__help muted">{field.help}</p> : null}
      {shown ? (
        <p id={described} className="field-error" role="alert">
          {field.label}: {shown}
        </p>
      ) : null}
    </div>
  );
}
