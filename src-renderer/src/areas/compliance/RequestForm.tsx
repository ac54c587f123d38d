import { useState } from 'react';
import { subjectRequestKinds, subjectRequestLaws, type SubjectRequest } from '../../../../shared/contract/compliance';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { useAction } from '../../hooks/use-action';
import { kindWords } from './format';

/** File a request by hand: who, what, under which law. An erase then waits in the Approvals inbox. */
export function RequestForm({ onFiled }: { onFiled: (r: SubjectRequest) => void }) {
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<SubjectRequest['kind']>('export');
  const [law, setLaw] = useState<SubjectRequest['law']>('gdpr');
  const action = useAction();
  const file = () =>
    action.run(async () => {
      onFiled(await getApi().compliance.file({ email, kind, law }));
      setEmail('');
    });
  return (
    <form
      className="toolbar compliance-form"
      data-testid="compliance-file"
      onSubmit={(e) => {
        e.preventDefault();
        void file();
      }}
    >
      <label className="field">
        <span>Email</span>
        <input className="input" type="text" value={email} data-testid="compliance-email" onChange={(e) => setEmail(e.target.value)} aria-describedby="compliance-email-error" />
      </label>
      <label className="field">
        <span>Request</span>
        <select className="input" value={kind} data-testid="compliance-kind" onChange={(e) => setKind(e.target.value as SubjectRequest['kind'])}>
          {subjectRequestKinds.map((k) => (
            <option key={k} value={k}>
              {kindWords[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Law</span>
        <select className="input" value={law} data-testid="compliance-law" onChange={(e) => setLaw(e.target.value as SubjectRequest['law'])}>
          {subjectRequestLaws.map((l) => (
            <option key={l} value={l}>
              {l === 'gdpr' ? 'GDPR (one month)' : 'CCPA (45 days)'}
            </option>
          ))}
        </select>
      </label>
      <button className="button button--primary" type="submit" disabled={action.pending} data-testid="compliance-submit">
        File request
      </button>
      <FieldError id="compliance-email-error" error={action.error?.field === 'email' ? action.error : undefined} />
      {action.error && action.error.field !== 'email' ? <ErrorNotice message={action.error} inline /> : null}
    </form>
  );
}
