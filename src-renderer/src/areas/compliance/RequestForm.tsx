import { useState, type FormEvent } from 'react';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { subjectRequestKinds, subjectRequestLaws, type SubjectRequest } from '../../../../shared/contract/compliance';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { useAction } from '../../hooks/use-action';
import { kindWords } from './format';

/** A labelled select of fixed choices, each [value, words]. */
function Choice<T extends string>({ label, testId, value, choices, onChange }: { label: string; testId: string; value: T; choices: [T, string][]; onChange: (v: T) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <ChoiceSelect value={value} testId={testId} choices={choices.map(([v, words]) => ({ value: v, label: words }))} onChange={(v) => onChange(v as T)} />
    </label>
  );
}

/** File a request by hand: who, what, under which law. An erase then waits in the Approvals inbox. */
export function RequestForm({ onFiled }: { onFiled: (r: SubjectRequest) => void }) {
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<SubjectRequest['kind']>('export');
  const [law, setLaw] = useState<SubjectRequest['law']>('gdpr');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      onFiled(await getApi().compliance.file({ email, kind, law }));
      setEmail('');
    });
  };
  return (
    <form className="toolbar compliance-form" data-testid="compliance-file" onSubmit={submit}>
      <label className="field">
        <span>Email</span>
        <input className="input" type="text" value={email} data-testid="compliance-email" onChange={(e) => setEmail(e.target.value)} aria-describedby="compliance-email-error" />
      </label>
      <Choice label="Request" testId="compliance-kind" value={kind} choices={subjectRequestKinds.map((k) => [k, kindWords[k]])} onChange={setKind} />
      <Choice label="Law" testId="compliance-law" value={law} choices={subjectRequestLaws.map((l) => [l, l === 'gdpr' ? 'GDPR (one month)' : 'CCPA (45 days)'])} onChange={setLaw} />
      <button className="button button--primary" type="submit" disabled={action.pending} data-testid="compliance-submit">
        File request
      </button>
      <FieldError id="compliance-email-error" error={action.error?.field === 'email' ? action.error : undefined} />
      {action.error && action.error.field !== 'email' ? <ErrorNotice message={action.error} inline /> : null}
    </form>
  );
}
