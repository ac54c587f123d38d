import { useState } from 'react';
import type { InputField, TriggerInput } from '../../../../../shared/trigger-input';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { useLoad } from '../../../hooks/use-load';
import { Modal } from '../../../components/Modal';
import { navigate, workflowsHref } from '../routes';
import { initialValues, inputFromFields, inputFromJson, triggerFields, type FieldValues } from './run-input-form';

/**
 * Run a manual workflow with its input: a field for each of the trigger's input fields, or a
 * JSON box when it declares none. Checked here by the same rule as the engine
 * (shared/trigger-input.ts); a started run opens its run view.
 */
export function RunDialog({ workflowId, dryRun, onClose }: { workflowId: string; dryRun: boolean; onClose(): void }) {
  const workflow = useLoad(() => getApi().workflows.get({ id: workflowId }), [workflowId]);
  const fields = workflow.data ? triggerFields(workflow.data.workflow.trigger) : undefined;
  const starting = useAction();
  const title = `${dryRun ? 'Dry run' : 'Run'} “${workflow.data?.name ?? '…'}”`;
  return (
    <Modal title={title} className="wfx-run-dialog" testId="run-dialog" busy={starting.pending} onClose={onClose}>
      {workflow.error ? <ErrorNotice message={`Could not load the workflow: ${workflow.error}`} inline /> : null}
      {workflow.data ? (
        <RunForm
          key={workflow.data.version}
          fields={fields}
          dryRun={dryRun}
          busy={starting.pending}
          error={starting.error?.message}
          onCancel={onClose}
          onStart={(input) =>
            void starting.run(async () => {
              const r = await getApi().workflows.run({ id: workflowId, input, dryRun });
              onClose();
              navigate(workflowsHref.run(workflowId, r.runId));
            })
          }
        />
      ) : !workflow.error ? (
        <p className="muted">Loading…</p>
      ) : null}
    </Modal>
  );
}

function RunForm({ fields, dryRun, busy, error, onCancel, onStart }: { fields: TriggerInput | undefined; dryRun: boolean; busy: boolean; error: string | undefined; onCancel(): void; onStart(input: unknown): void }) {
  const [values, setValues] = useState<FieldValues>(() => (fields ? initialValues(fields) : {}));
  const [json, setJson] = useState('{}');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const result = fields ? inputFromFields(fields, values) : inputFromJson(json);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onStart(result.input);
  };
  return (
    <form
      className="dialog__body wfx-run-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {fields ? (
        Object.entries(fields).map(([name, field]) => (
          <InputFieldControl key={name} name={name} field={field} value={values[name] ?? ''} error={errors[name]} onChange={(v) => setValues((old) => ({ ...old, [name]: v }))} />
        ))
      ) : (
        <label className="field">
          <span>Input (JSON)</span>
          <textarea
            className="input wfx-run-json"
            rows={6}
            spellCheck={false}
            value={json}
            aria-invalid={errors.input ? true : undefined}
            aria-describedby="wfx-run-json-help"
            data-testid="run-input-json"
            onChange={(e) => setJson(e.target.value)}
          />
          <span id="wfx-run-json-help" className="muted wfx-run-help">
            Steps read it as <code>{'{{ input.<field> }}'}</code>. Give the trigger input fields for a form instead.
          </span>
          {errors.input ? (
            <span className="field-error" role="alert" data-testid="run-input-error-input">
              Input {errors.input}
            </span>
          ) : null}
        </label>
      )}
      <p className="muted wfx-run-help">{dryRun ? 'Class B/C steps record what they would do; nothing is sent.' : 'Runs the saved workflow now.'}</p>
      <ErrorNotice message={error && `Could not start the run: ${error}`} inline />
      <div className="actions dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={busy} data-testid="run-start">
          {busy ? 'Starting…' : dryRun ? 'Start dry run' : 'Start run'}
        </button>
      </div>
    </form>
  );
}

function InputFieldControl({ name, field, value, error, onChange }: { name: string; field: InputField; value: string | boolean; error: string | undefined; onChange(v: string | boolean): void }) {
  const id = `wfx-run-field-${name}`;
  const label = field.label ?? name;
  const help = field.description ? <span className="muted wfx-run-help">{field.description}</span> : null;
  const problem = error ? (
    <span className="field-error" role="alert" data-testid={`run-input-error-${name}`}>
      {label} {error}
    </span>
  ) : null;
  if (field.type === 'boolean') {
    return (
      <div className="field">
        <label className="check">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={`run-input-${name}`} />
          {label}
        </label>
        {help}
        {problem}
      </div>
    );
  }
  const common = { id, className: 'input', value: typeof value === 'string' ? value : '', 'aria-invalid': error ? true : undefined, 'data-testid': `run-input-${name}` };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {field.required ? <span className="wfx-run-required" aria-label="required"> *</span> : null}
      </label>
      {field.type === 'json' ? (
        <textarea {...common} rows={3} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={field.type === 'number' ? 'decimal' : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {help}
      {problem}
    </div>
  );
}
