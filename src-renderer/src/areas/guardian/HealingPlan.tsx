import type { HealingPlan as Plan } from '../../../../shared/contract/guardian';
import { deductionLabel } from './format';

const classHint = { A: 'Class A: safe, reversible', B: 'Class B: needs your approval', C: 'Class C: high impact, needs your approval' } as const;
const approvalsTooltip = 'Applying goes through approvals — coming with the approvals inbox';

/** The dry-run healing plan: per finding an action, its class, evidence and expected effect. Nothing is applied here. */
export function HealingPlan({ plan }: { plan: Plan }) {
  return (
    <section className="card gplan" aria-labelledby="gplan-title" data-testid="guardian-healing-plan">
      <div className="gsection__head">
        <h2 id="gplan-title">Healing plan</h2>
        <span className="pill pill--muted">Dry run</span>
      </div>
      {plan.steps.length === 0 ? (
        <p className="muted">No findings, so nothing to heal.</p>
      ) : (
        <ol className="gplan__steps">
          {plan.steps.map((s) => (
            <li key={s.id} className="gstep">
              <span className={`gclass gclass--${s.class}`} title={classHint[s.class]} aria-label={classHint[s.class]}>
                {s.class}
              </span>
              <div className="gstep__body">
                <div className="gstep__title">
                  <strong>{s.title}</strong>
                  <span className="gstep__finding muted">{deductionLabel[s.finding]}</span>
                </div>
                <dl className="gstep__facts">
                  <dt>Evidence</dt>
                  <dd>{s.evidence}</dd>
                  <dt>Expected effect</dt>
                  <dd>{s.expectedEffect}</dd>
                </dl>
              </div>
              {/* a span carries the tooltip: a disabled button gets no hover events */}
              <span className="gstep__action" title={approvalsTooltip}>
                <button type="button" className="button button--ghost" disabled aria-describedby={`gstep-${s.id}-why`}>
                  Request approval
                </button>
                <span id={`gstep-${s.id}-why`} className="sr-only">
                  {approvalsTooltip}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
