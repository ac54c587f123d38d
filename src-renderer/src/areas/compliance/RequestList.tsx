import type { SubjectRequest } from '../../../../shared/contract/compliance';
import { describeProof } from '../../../../shared/compliance-words';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { day, kindWords, statusTone, statusWords } from './format';

function Outcome({ r }: { r: SubjectRequest }) {
  if (r.export) return <p data-testid="compliance-export">{r.export.matched ? `Exported: local ${r.export.rows.local} row(s), shared database ${r.export.rows.remote ?? 'not read'}, Stripe ${r.export.rows.stripe ?? 'not read'} (${r.export.bytes} bytes, ${r.export.file}).` : r.export.notes.join(' ')}</p>;
  if (r.proof) return <p data-testid="compliance-proof">{describeProof(r.proof)}</p>;
  if (r.status === 'waiting') return <p><a href="#/approvals">Decide it in the Approvals inbox</a> (Class C).</p>;
  if (r.lastError) return <p className="muted">Last attempt: {r.lastError}</p>;
  return null;
}

function Row({ r, onChanged }: { r: SubjectRequest; onChanged: () => void }) {
  const action = useAction();
  return (
    <li className="compliance-request" data-testid="compliance-request" data-kind={r.kind} data-status={r.status}>
      <div className="toolbar">
        <strong>{kindWords[r.kind]}</strong>
        <span>{r.email ?? `erased person (${r.emailHash.slice(0, 12)})`}</span>
        <span className={`pill toned tone--${statusTone(r)}`}>{r.overdue ? 'OVERDUE' : statusWords[r.status]}</span>
        <span className="muted">
          {r.law.toUpperCase()} · from {r.source} · due {day(r.dueAt)}
        </span>
        {r.kind === 'export' && r.status === 'open' ? (
          <button className="button" type="button" disabled={action.pending} data-testid="compliance-answer-export" onClick={() => void action.run(async () => { await getApi().compliance.answerExport({ id: r.id }); onChanged(); })}>
            Export now
          </button>
        ) : null}
      </div>
      <Outcome r={r} />
      <ErrorNotice message={action.error} inline />
    </li>
  );
}

export function RequestList({ requests, onChanged }: { requests: readonly SubjectRequest[]; onChanged: () => void }) {
  if (requests.length === 0) return <p className="empty">No subject requests yet. The site&apos;s &quot;download or delete my data&quot; requests appear here once pulled from the shared database.</p>;
  return (
    <ol className="plain-list" data-testid="compliance-requests">
      {requests.map((r) => (
        <Row key={r.id} r={r} onChanged={onChanged} />
      ))}
    </ol>
  );
}
