import { useState } from 'react';
import type { HealingPlan as Plan, HealingStep } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { hrefWith } from '../../routing/hash-params';
import { hrefFor } from '../../routing/use-hash-route';
import { deductionLabel } from './format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ClassBadge } from '../../components/ClassBadge';
import { useAction } from '../../hooks/use-action';
import { Evidence } from '../../components/Evidence';


/** Per step: ask for approval, show that it waits (with the inbox link), or say why it cannot be applied here. */
function StepAction({ step, onRequested }: { step: HealingStep; onRequested: () => void }) {
  const request = useAction();
  const [requested, setRequested] = useState<string | undefined>(undefined);
  const waiting = step.pendingApprovalId ?? requested;
  if (waiting) {
    return (
      <div className="gstep__action" data-testid="healing-waiting">
        <span className="gstep__waiting">Waiting for approval</span>
        <a href={hrefFor('approvals')} className="gstep__link">
          Open the inbox
        </a>
      </div>
    );
  }
  if (!step.applicable) {
    // done by hand: the link says where; why it is not applied from here is its title
    return step.link ? (
      <div className="gstep__action">
        <a href={hrefWith(step.link.area, step.link.params)} className="gstep__link" data-testid="healing-link" title={`Not applied from here: ${step.refusal ?? ''}`}>
          {step.link.label}
        </a>
      </div>
    ) : null;
  }
  const ask = () =>
    void request.run(async () => {
      const a = await getApi().guardian.requestHealing({ stepId: step.id });
      setRequested(a.id);
      onRequested();
    });
  return (
    <div className="gstep__action">
      <button type="button" className="button button--ghost" disabled={request.pending} onClick={ask}>
        {request.pending ? 'Requesting…' : 'Request approval'}
      </button>
      <ErrorNotice message={request.error?.message} inline />
    </div>
  );
}

/** Steps shown before "Show all": the plan is a to-do list, not a report. */
const firstSteps = 4;

/** The dry-run healing plan: per finding an action, its class, evidence and expected effect. Applying goes through the Approvals inbox. */
export function HealingPlan({ plan, onRequested = () => {} }: { plan: Plan; onRequested?: () => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? plan.steps : plan.steps.slice(0, firstSteps);
  return (
    <section className="card gplan" aria-labelledby="gplan-title" data-testid="guardian-healing-plan">
      <div className="section-head">
        <h2 id="gplan-title">Healing plan</h2>
        <span className="pill pill--muted">Dry run</span>
      </div>
      {plan.steps.length === 0 ? (
        <p className="muted">No findings, so nothing to heal.</p>
      ) : (
        <ol className="plain-list gplan__list">
          {shown.map((s) => (
            <li key={s.id} className="tile gstep" data-testid={`healing-step-${s.id}`}>
              <ClassBadge cls={s.class} testId="healing-class" />
              <div className="gstep__body">
                <div className="gstep__title">
                  <strong>{s.title}</strong>
                  <span className="gstep__finding muted">{deductionLabel[s.finding]}</span>
                </div>
                {!s.applicable && !s.pendingApprovalId && !s.link ? (
                  <p className="gstep__refusal muted" data-testid="healing-refusal">
                    Not applied from here: {s.refusal}
                  </p>
                ) : null}
                <details className="gstep__why">
                  <summary>Evidence and expected effect</summary>
                  <dl className="facts facts--compact">
                    <dt>Evidence</dt>
                    <dd>
                      <Evidence text={s.evidence} time={s.evidenceTime} />
                    </dd>
                    <dt>Expected effect</dt>
                    <dd>{s.expectedEffect}</dd>
                  </dl>
                </details>
              </div>
              <StepAction step={s} onRequested={onRequested} />
            </li>
          ))}
        </ol>
      )}
      {plan.steps.length > firstSteps ? (
        <button type="button" className="button button--ghost button--small gplan__more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show the first steps only' : `Show all ${plan.steps.length} steps`}
        </button>
      ) : null}
    </section>
  );
}
