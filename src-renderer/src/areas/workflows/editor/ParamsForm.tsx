import { useEffect, useState } from 'react';
import type { StepTypeInfo, WorkflowSummary } from '../../../../../shared/contract/workflows';
import { getApi } from '../../../api/client';
import { FieldErrors } from './FieldErrors';
import { JsonField } from './JsonField';
import { KeyValueField } from './KeyValueField';
import { FieldSelect } from '../../../components/FieldSelect';
import { schemaFields, type ParamField } from '../../../components/schema-fields';
import { numberFromText } from '../../../format/number';

interface Props {
  nodeId: string;
  type: StepTypeInfo;
  params: Record<string, unknown>;
  errors: Record<string, string[]>;
  onChange: (key: string, value: unknown) => void;
}

/** The params form generated from the step type's JSON Schema and UI hints. */
export function ParamsForm({ nodeId, type, params, errors, onChange }: Props) {
  const fields = schemaFields(type.paramsSchema, type.ui);
  if (fields.length === 0) return <p className="muted">This step has no settings.</p>;
  return (
    <div className="wfe-form">
      {fields.map((f) => {
        const id = `wfe-${nodeId}-${f.key}`;
        const messages = errors[`params.${f.key}`];
        return (
          <div key={f.key} className={`wfe-field${messages ? ' wfe-field--bad' : ''}`} data-testid={`field-${f.key}`}>
            <label htmlFor={id}>
              {f.label}
              {f.required ? <span className="wfe-field__req" title="Required"> *</span> : null}
              {f.widget === 'expression' ? <span className="wfe-field__kind" title="A JSONata expression over trigger, input and steps">JSONata</span> : null}
            </label>
            <Field id={id} field={f} value={params[f.key]} onChange={(v) => onChange(f.key, v)} />
            {f.help ? <p className="wfe-field__help">{f.help}</p> : null}
            <FieldErrors messages={messages} testId={`field-errors-${f.key}`} />
          </div>
        );
      })}
      <FieldErrors messages={errors.params} />
    </div>
  );
}

function Field({ id, field, value, onChange }: { id: string; field: ParamField; value: unknown; onChange: (v: unknown) => void }) {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const setText = (t: string) => onChange(t === '' ? undefined : t);
  switch (field.widget) {
    case 'textarea':
      return <textarea id={id} className="wfe-input" rows={3} value={text} placeholder={field.placeholder} onChange={(e) => setText(e.target.value)} />;
    case 'expression':
      // data-expression: the step data panel inserts a bare path here, not a {{ }} template
      return <textarea id={id} className="wfe-input wfe-input--mono" rows={2} spellCheck={false} data-expression="bare" value={text} placeholder={field.placeholder} onChange={(e) => setText(e.target.value)} />;
    case 'select':
      return <FieldSelect id={id} field={field} className="select wfe-input" value={typeof value === 'string' ? value : ''} onChange={setText} />;
    case 'number':
      return <NumberInput id={id} value={value} placeholder={field.defaultValue !== undefined ? String(field.defaultValue) : field.placeholder} onChange={onChange} />;
    case 'boolean':
      return (
        <label className="check wfe-check">
          <input id={id} type="checkbox" checked={value === undefined ? field.defaultValue === true : value === true} onChange={(e) => onChange(e.target.checked)} />
          {field.defaultValue !== undefined ? <span className="muted">default {String(field.defaultValue)}</span> : null}
        </label>
      );
    case 'json':
      return <JsonField id={id} value={value} onChange={onChange} placeholder={field.placeholder} />;
    case 'keyvalue':
      return <KeyValueField id={id} value={value} onChange={onChange} />;
    case 'workflow':
      return <WorkflowPicker id={id} value={text} onChange={setText} />;
    case 'duration':
    case 'text':
    default:
      return <input id={id} className="wfe-input" value={text} placeholder={field.placeholder ?? (field.widget === 'duration' ? '30s, 10m, 24h' : undefined)} onChange={(e) => setText(e.target.value)} />;
  }
}

/** Text that is not a number yet ("-", "1,5") is kept in the draft as typed, where the validator names it a problem. */
function NumberInput({ id, value, placeholder, onChange }: { id: string; value: unknown; placeholder: string | undefined; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value || t === value || (t === '' && value === undefined) ? t : value === undefined ? '' : String(value)));
  }, [value]);
  return (
    <>
      <input
        id={id}
        className="wfe-input"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '') onChange(undefined);
          else onChange(numberFromText(t));
        }}
      />
    </>
  );
}

function WorkflowPicker({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const [list, setList] = useState<WorkflowSummary[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getApi()
      .workflows.list({})
      .then((r) => live && setList(r.workflows))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, []);
  const known = list?.some((w) => w.id === value);
  return (
    <select id={id} className="select wfe-input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{list ? '— choose a workflow —' : 'Loading…'}</option>
      {value && list && !known ? <option value={value}>{value} (not found)</option> : null}
      {list?.map((w) => (
        <option key={w.id} value={w.id}>
          {w.name}
        </option>
      ))}
    </select>
  );
}
