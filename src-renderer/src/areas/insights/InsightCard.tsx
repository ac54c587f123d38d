import { useState } from 'react';
import type { Insight, InsightActResult } from '../../../../shared/contract/insights';
import { getApi } from '../../api/client';
import { ClassBadge } from '../../components/ClassBadge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { severityTone } from './format';

/** What acting did, in a sentence with where to look next. */
function ActDone({ result }: { result: InsightActResult }) {
  if (result.kind === 'workflow-draft')
    return (
      <p className="toned tone--good" data-testid="insight-done">
        Saved “{result.name}” as a disabled draft. <a href={`#/workflows/${encodeURIComponent(result.workflowId)}`}>Open it in the editor</a>
      </p>
    );
  if (result.kind === 'healing')
    return (
      <p className="toned tone--good" data-testid="insight-done">
        Healing requested: it applies only once you approve it. <a href="#/approvals">Open Approvals</a>
      </p>
    );
  return null;
}

/** One ranked insight: finding, impact, the evidence with where each number was read, and its one action. `onActed` lets the history show what was done. */
export function InsightCard({ insight, onActed }: { insight: Insight; onActed(): void }) {
  const act = useAction();
  const [done, setDone] = useState<InsightActResult | undefined>(undefined);
  const [dismissed, setDismissed] = useState(false);
  const onAct = () =>
    void act.run(async () => {
      const result = await getApi().insights.act({ id: insight.id });
      onActed();
      if (result.kind === 'open-area') window.location.hash = `#/${result.area}`;
      else setDone(result);
    });
  const onDismiss = () =>
    void act.run(async () => {
      await getApi().insights.dismiss({ id: insight.id });
      setDismissed(true);
      onActed();
    }, 'dismiss');
  if (dismissed)
    return (
      <li className="card insight-card muted" data-testid="insight-dismissed">
        Dismissed “{insight.finding}”: it stays out of this list while it reads the same.
      </li>
    );
  return (
    <li className="card insight-card" data-testid="insight-card" data-rule={insight.rule} id={`insight-${insight.id}`}>
      <div className="insight-card__head">
        <span className="eyebrow">
          #{insight.rank} · {insight.area}
        </span>
        <span className={`pill toned ${severityTone[insight.severity]}`}>{insight.severity}</span>
        <ClassBadge cls={insight.class} small />
      </div>
      <p className="insight-card__finding">{insight.finding}</p>
      <p className="muted">Impact: {insight.impact}</p>
      <ul className="plain-list insight-card__evidence" data-testid="insight-evidence">
        {insight.evidence.map((e, i) => (
          <li key={i}>
            {e.label}: <span className="num">{String(e.value)}</span> <span className="muted">({e.source})</span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button" disabled={act.running !== undefined || done !== undefined} onClick={onAct}>
          {insight.suggestedAction.label}
        </button>
        <button type="button" className="button button--ghost" disabled={act.running !== undefined || done !== undefined} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ErrorNotice message={act.error} inline />
      {done ? <ActDone result={done} /> : null}
    </li>
  );
}
