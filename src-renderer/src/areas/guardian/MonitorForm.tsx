import { useState } from 'react';
import type { MonitorTypeInfo } from '../../../../shared/contract/guardian';
import { FieldSelect } from '../../components/FieldSelect';
import type { ParamField } from '../../components/schema-fields';
import { addCommand, commonFormFields, draftInput, settingFields } from './monitor-draft';

/**
 * A new monitor's form, built from guardian.monitorTypes: pick a type and its own fields
 * appear. It writes the `levqor monitor add` command: this window cannot add or change
 * monitors (a script in a page could otherwise make the app call any address), the command
 * line can.
 */
export function MonitorForm({ types, onClose }: { types: MonitorTypeInfo[]; onClose(): void }) {
  const [type, setType] = useState(types[0]?.type ?? '');
  const [text, setText] = useState<Record<string, string>>({});
  const [copied, setCopied] = useState(false);
  const info = types.find((t) => t.type === type);
  const draft = info ? draftInput(info, text) : undefined;
  const command = draft && Object.keys(draft.problems).length === 0 ? addCommand(draft.input) : undefined;
  const set = (key: string, value: string) => {
    setText((t) => ({ ...t, [key]: value }));
    setCopied(false);
  };
  const copy = async () => {
    if (!command) return;
    await navigator.clipboard.writeText(command).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <form className="gform" data-testid="monitor-form" onSubmit={(e) => e.preventDefault()}>
      <div className="gform__field">
        <label htmlFor="gform-type">Type</label>
        <select id="gform-type" className="select" value={type} onChange={(e) => setType(e.target.value)} data-testid="monitor-form-type">
          {types.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        {info ? <p className="gform__help muted">{info.description}</p> : null}
      </div>
      {info ? (
        <div className="gform__grid" data-testid="monitor-form-settings" data-type={info.type}>
          {settingFields(info).map((f) => (
            <FormField key={`${info.type}:${f.key}`} field={f} value={text[f.key] ?? ''} problem={draft?.problems[f.key]} onChange={(v) => set(f.key, v)} />
          ))}
          {info.receivesPings ? <p className="gform__help muted">The command prints the URL your cron job calls.</p> : null}
        </div>
      ) : null}
      <div className="gform__grid">
        {commonFormFields.map((f) => (
          <FormField key={f.key} field={f} value={text[f.key] ?? ''} problem={draft?.problems[f.key]} onChange={(v) => set(f.key, v)} />
        ))}
      </div>
      <div className="gform__command">
        <p className="muted">Monitors are added from the command line (this window cannot change them). Run:</p>
        {command ? (
          <div className="gform__run">
            <code data-testid="monitor-command">{command}</code>
            <button type="button" className="button button--ghost" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        ) : (
          <p className="field-error" data-testid="monitor-command-missing">
            Fill in the fields marked above first.
          </p>
        )}
      </div>
      <div className="gform__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

function FormField({ field, value, problem, onChange }: { field: ParamField; value: string; problem: string | undefined; onChange(v: string): void }) {
  const id = `gform-${field.key}`;
  // an empty required field is marked with *, not scolded before anything was typed
  const shown = problem !== undefined && value !== '';
  const described = shown ? `${id}-problem` : undefined;
  let control;
  if (field.widget === 'select') {
    control = <FieldSelect id={id} field={field} className="select" value={value} describedBy={described} onChange={onChange} />;
  } else if (field.widget === 'boolean') {
    control = <input id={id} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : '')} />;
  } else {
    const placeholder = field.placeholder ?? (field.defaultValue !== undefined ? String(field.defaultValue) : undefined);
    control = <input id={id} className="input" inputMode={field.widget === 'number' ? 'decimal' : undefined} value={value} placeholder={placeholder} aria-invalid={shown || undefined} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />;
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
          {problem}
        </p>
      ) : null}
    </div>
  );
}
