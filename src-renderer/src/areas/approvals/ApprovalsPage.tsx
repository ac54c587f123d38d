import { useState } from 'react';
import type { Approval } from '../../../../shared/contract/approvals';
import { getApi } from '../../api/client';
import { toLevqorError } from '../../api/to-levqor-error';
import { formatTime } from '../../format/time';
import { hasPreview, healingFacts, subjectHref, subjectKindLabel, timeLeft, timeoutLabel } from './format';
import { PreviewFields } from '../../components/PreviewFields';
import { runHref } from '../../routing/run-href';
import { useNow } from '../../hooks/use-now';
import { stageLabels } from '../../components/StageBadge';
import { useApprovals } from './use-approvals';
import './approvals.css';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ClassBadge } from '../../components/ClassBadge';
import { outcomeTone, toneClass } from '../../components/tone';
import { Evidence } from '../../components/Evidence';
import { paramsFromHash, useHashQuery } from '../../routing/hash-params';

const statusLabel = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', expired: 'Expired', cancelled: 'Cancelled' } as const;
const statusTone = { pending: 'muted', approved: 'good', rejected: 'bad', expired: 'warn', cancelled: 'muted' } as const;

/** A link from another page (`#/approvals?id=…`) names one approval: it is marked and brought into view. */
function namedProps(named: boolean) {
  if (!named) return {};
  // a block, not an expression: newer browsers answer scrollIntoView with a promise, which React could take for a cleanup
  const bringIntoView = (el: HTMLLIElement | null) => {
    el?.scrollIntoView({ block: 'center' });
  };
  return { 'aria-current': true as const, ref: bringIntoView };
}

/** What the approval is about: the workflow and step, or for any other subject its kind, title and a link. */
function Subject({ a }: { a: Approval }) {
  if (a.subject.kind === 'step') {
    return (
      <span className="muted">
        {a.workflowName} · step <code>{a.nodeId}</code> ({a.stepType})
      </span>
    );
  }
  const link = subjectHref(a.subject.kind);
  return (
    <span className="muted apx-subject" data-testid="approval-subject">
      <span className="apx-subject__kind">{subjectKindLabel[a.subject.kind]}</span> · {a.subject.title}
      {link ? (
        <>
          {' · '}
          <a href={link.href}>{link.label}</a>
        </>
      ) : null}
    </span>
  );
}

/** One pending approval: what the step would do, its context, the countdown and the decision form. */
function PendingCard({ a, now, named }: { a: Approval; now: number; named: boolean }) {
  const [decision, setDecision] = useState<'approve' | 'reject' | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const preview = hasPreview(a.preview);
  const facts = a.subject.kind === 'guardian.healing' ? healingFacts(a.preview) : undefined;
  const left = timeLeft(a.expiresAt, now);
  const soon = a.expiresAt !== null && a.expiresAt - now < 15 * 60_000;

  const submit = async () => {
    if (!decision) return;
    setBusy(true);
    setError(undefined);
    try {
      const input = { id: a.id, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      if (decision === 'approve') await getApi().approvals.approve(input);
      else await getApi().approvals.reject(input);
    } catch (err) {
      setError(toLevqorError(err).message);
      setBusy(false);
    }
  };

  return (
    <li className={`card section apx-item${named ? ' apx-named' : ''}`} data-testid={`approval-${a.id}`} data-status="pending" {...namedProps(named)}>
      <div className="apx-item__head">
        <ClassBadge cls={a.class} testId="approval-class" />
        <div className="row-text">
          <strong className="apx-item__message">{a.message}</strong>
          <Subject a={a} />
        </div>
        <span className={`pill pill--plain pill--outlined num apx-left ${soon ? 'tone--warn' : 'tone--muted'}`} data-testid="approval-time-left">
          {left}
        </span>
      </div>
      <dl className="facts apx-facts">
        <dt>Stage</dt>
        <dd>{stageLabels[a.stage]}</dd>
        <dt>Requested</dt>
        <dd>
          {formatTime(a.requestedAt)} by {a.requestedBy}
        </dd>
        <dt>On timeout</dt>
        <dd>{a.expiresAt === null ? 'never times out' : `${timeoutLabel(a.subject.kind, a.onTimeout)} at ${formatTime(a.expiresAt)}`}</dd>
        {facts ? (
          <>
            <dt>Evidence</dt>
            <dd data-testid="approval-evidence">
              <Evidence text={facts.evidence} time={facts.evidenceTime} />
            </dd>
            <dt>Expected effect</dt>
            <dd data-testid="approval-effect">{facts.expectedEffect}</dd>
          </>
        ) : null}
      </dl>
      <div className="apx-preview">
        <span className="eyebrow">What it would do</span>
        {preview ? <PreviewFields value={a.preview} testId="approval-preview" /> : <p className="muted">This step gave no preview.</p>}
      </div>
      {decision ? (
        <form
          className="actions apx-decide"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="sr-only" htmlFor={`reason-${a.id}`}>
            Reason
          </label>
          <input
            id={`reason-${a.id}`}
            className="input"
            placeholder={decision === 'approve' ? 'Reason (optional)' : 'Why not? (optional)'}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            disabled={busy}
            autoFocus
          />
          <button type="submit" className={`button ${decision === 'approve' ? 'button--approve' : 'button--danger'}`} disabled={busy}>
            {busy ? 'Sending…' : decision === 'approve' ? 'Confirm approve' : 'Confirm reject'}
          </button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => setDecision(undefined)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="button button--approve" onClick={() => setDecision('approve')}>
            Approve
          </button>
          <button type="button" className="button button--ghost apx-reject" onClick={() => setDecision('reject')}>
            Reject
          </button>
        </div>
      )}
      <ErrorNotice message={error} inline />
    </li>
  );
}

function DecidedRow({ a, named }: { a: Approval; named: boolean }) {
  return (
    <li className={`apx-decided${named ? ' apx-named' : ''}`} data-testid={`approval-${a.id}`} data-status={a.status} {...namedProps(named)}>
      <ClassBadge cls={a.class} testId="approval-class" />
      <div className="row-text apx-decided__body">
        <div className="apx-decided__title">
          <strong>{a.message}</strong>
          <span className={`pill tone--${statusTone[a.status]}`} data-testid="approval-status">
            {statusLabel[a.status]}
          </span>
        </div>
        <Subject a={a} />
        <span className="muted">
          {a.decidedAt !== null ? `Decided ${formatTime(a.decidedAt)}` : ''}
          {a.decidedBy ? ` by ${a.decidedBy}` : ''}
          {a.runId ? (
            <>
              {' · '}
              <a href={runHref({ id: a.runId, workflowId: a.workflowId })} data-testid="approval-run-link">
                Open the run
              </a>
            </>
          ) : null}
        </span>
        {a.reason ? <span className="apx-decided__reason">“{a.reason}”</span> : null}
        {a.outcome ? (
          <span className={`toned apx-outcome ${toneClass(outcomeTone[a.outcome.result])}`} data-testid="approval-outcome" data-result={a.outcome.result}>
            {a.outcome.message}
          </span>
        ) : null}
      </div>
    </li>
  );
}

/** Approvals: Class B/C steps, pre-launch Drive uploads, healing actions and app updates waiting for the founder, pending first, decided below. */
export default function ApprovalsPage() {
  const list = useApprovals();
  const pending = list.approvals.filter((a) => a.status === 'pending');
  const decided = list.approvals.filter((a) => a.status !== 'pending').sort((x, y) => (y.decidedAt ?? 0) - (x.decidedAt ?? 0));
  const now = useNow(pending.some((a) => a.expiresAt !== null));
  const namedId = paramsFromHash(useHashQuery()).id;

  return (
    <div className="stack">
      <ErrorNotice message={list.error && `Could not load approvals: ${list.error.message}`} onRetry={() => void list.reload()} />
      <section aria-labelledby="apx-pending-title" data-testid="approvals-pending">
        <div className="section-head section-head--start apx-head">
          <h2 id="apx-pending-title">Waiting for you</h2>
          <span className="pill">{pending.length}</span>
        </div>
        {list.status === 'loading' ? (
          <p className="muted">Loading…</p>
        ) : pending.length === 0 ? (
          <div className="card empty empty--center" data-testid="approvals-empty">
            <strong>Nothing waits for you</strong>
            <span className="muted">A workflow step, a pre-launch Drive upload or a healing action that needs your approval appears here.</span>
          </div>
        ) : (
          <ul className="plain-list">
            {pending.map((a) => (
              <PendingCard key={a.id} a={a} now={now} named={a.id === namedId} />
            ))}
          </ul>
        )}
      </section>
      <section className="card section" aria-labelledby="apx-decided-title" data-testid="approvals-decided">
        <div className="section__head">
          <h2 id="apx-decided-title">Decided</h2>
          <p className="muted">Approved, rejected, expired and cancelled requests: who, when and why.</p>
        </div>
        {decided.length === 0 ? (
          <p className="muted">No decisions yet.</p>
        ) : (
          <ul className="plain-list">
            {decided.map((a) => (
              <DecidedRow key={a.id} a={a} named={a.id === namedId} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
