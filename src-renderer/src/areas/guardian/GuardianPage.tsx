import { lazy, Suspense, useEffect, useState } from 'react';
import type { Monitor } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { HealingPlan } from './HealingPlan';
import { Monitors } from './Monitors';
import { ScoreCard } from './ScoreCard';
import { Tiles } from './Tiles';
import { TopIssues } from './TopIssues';
import { useGuardianTick } from '../../hooks/use-guardian-tick';
import './guardian.css';

// recharts is the largest dependency of the renderer: loaded only when the chart shows
const HistoryChart = lazy(() => import('./HistoryChart'));

/** Guardian, the home page: score and breakdown, live tiles, history, healing plan, monitors, top issues. */
export default function GuardianPage() {
  const tick = useGuardianTick();
  // a manual check refreshes right away (its events may be throttled)
  const [nonce, setNonce] = useState(0);
  const summary = useLoad(() => getApi().guardian.summary({}), [tick, nonce]);
  const plan = useLoad(() => getApi().guardian.healingPlan({}), [tick, nonce]);
  const monitors = useLoad(() => getApi().guardian.monitors({}), [tick, nonce]);
  // the types do not change while the app runs
  const monitorTypes = useLoad(() => getApi().guardian.monitorTypes({}), []);
  const [checked, setChecked] = useState<Monitor[] | undefined>(undefined);
  useEffect(() => setChecked(undefined), [monitors.data]);

  const onChecked = (list: Monitor[]) => {
    setChecked(list);
    setNonce((n) => n + 1);
  };

  if (!summary.data) {
    return (
      <div className="stack page-wide guardian">
        {summary.error ? (
          <ErrorNotice message={`Could not read the health summary: ${summary.error}`} onRetry={summary.reload} />
        ) : (
          <p className="muted" role="status">
            Loading the health summary…
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="stack page-wide guardian">
      {summary.error ? <ErrorNotice message={`Could not refresh: ${summary.error}`} onRetry={summary.reload} /> : null}
      <div className="guardian__top">
        <ScoreCard summary={summary.data} />
        <Tiles summary={summary.data} tick={tick + nonce} />
      </div>
      <Suspense fallback={<section className="card ghistory ghistory--loading" aria-label="Loading the score history" />}>
        <HistoryChart tick={tick} />
      </Suspense>
      <div className="guardian__cols">
        {plan.data ? <HealingPlan plan={plan.data} onRequested={() => setNonce((n) => n + 1)} /> : plan.error ? <ErrorNotice message={`Could not read the healing plan: ${plan.error}`} onRetry={plan.reload} /> : null}
        <TopIssues summary={summary.data} />
      </div>
      {monitors.error && !monitors.data ? <ErrorNotice message={`Could not read the monitors: ${monitors.error}`} onRetry={monitors.reload} /> : null}
      {monitors.data ? <Monitors monitors={checked ?? monitors.data.monitors} types={monitorTypes.data?.monitorTypes} onChecked={onChecked} /> : null}
    </div>
  );
}
