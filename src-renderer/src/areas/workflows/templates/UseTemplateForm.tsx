import { useState, type FormEvent } from 'react';
import type { TemplateInput, TemplateSummary } from '../../../../../shared/contract/templates';
import { getApi } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/use-action';
import { navigate, workflowsHref } from '../routes';

const inputKinds: Record<TemplateInput['type'], string> = { text: 'text', number: 'number', url: 'url', email: 'email', product: 'text', channel: 'text' };

/** Asks a template's inputs, makes the (disabled) workflow and opens it in the editor. */
export function UseTemplateForm({ template, onCancel }: { template: TemplateSummary; onCancel: () => void }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(template.inputs.map((i) => [i.name, i.default === undefined ? '' : String(i.default)])));
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      const used = await getApi().templates.use({ id: template.id, inputs: given });
      navigate(workflowsHref.editor(used.id));
    });
  };
  return (
    <form className="stack" data-testid="template-use-form" onSubmit={submit}>
      {template.inputs.length === 0 ? <p className="muted">This template asks for nothing.</p> : null}
      {template.inputs.map((input) => (
        <label key={input.name} className="stack">
          <span>
            {input.label} <span className="muted">({input.type})</span>
          </span>
          <input
            className="input"
            name={input.name}
            type={inputKinds[input.type]}
            data-testid={`template-input-${input.name}`}
            value={values[input.name] ?? ''}
            placeholder={input.type === 'channel' ? 'telegram, slack or email' : input.type === 'product' ? 'product-slug' : ''}
            onChange={(e) => setValues({ ...values, [input.name]: e.target.value })}
          />
        </label>
      ))}
      <ErrorNotice message={action.error} testId="template-use-error" />
      <div className="toolbar">
        <button type="submit" className="button" disabled={action.pending} data-testid="template-use-submit">
          Make the workflow
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted">It is saved switched off: nothing runs until you enable it.</span>
      </div>
    </form>
  );
}
