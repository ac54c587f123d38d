import { useState } from 'react';
import { getApi } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useAction } from '../../hooks/use-action';

/** While the preflight blocks: ask for a Class C approval to go post-launch anyway, with the reason recorded. */
export function OverrideForm() {
  const [reason, setReason] = useState('');
  const [requested, setRequested] = useState<string | undefined>(undefined);
  const action = useAction();
  if (requested) {
    return (
      <p className="notice" data-testid="override-requested">
        Override requested (Class C). It switches the stage once you approve it in the <a href={`#/approvals?id=${requested}`}>Approvals inbox</a>.
      </p>
    );
  }
  return (
    <div className="override-form" data-testid="override-form">
      <label htmlFor="override-reason">Go anyway? Say why (recorded with the approval)</label>
      <textarea id="override-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="override-error" />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={action.pending}
          onClick={() => void action.run(async () => setRequested((await getApi().governance.requestOverride({ stage: 'post-launch', reason })).id))}
        >
          Ask for an override
        </button>
      </div>
      <FieldError id="override-error" error={action.error} />
    </div>
  );
}
