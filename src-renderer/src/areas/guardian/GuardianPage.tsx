import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Monitor, MonitorStats } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { useEventTick, useGuardianTick } from '../../hooks/use-guardian-tick';
import { FirstRunChecklist } from './FirstRunChecklist';
import { HealingPlan } from './HealingPlan';
import { heartbeatTicks } from './HeartbeatBar';
import { Monitors } from './Monitors';
import { ScoreCard } from './ScoreCard';
import { Tiles } from './Tiles';
import { TopIssues } from './TopIssues';
import './guardian.css';

// recharts is the largest dependency of the renderer: loaded only when the charts show
const Trends = lazy(() => import('./Trends'));

const windows = [
  { key: '24h', label: 'last 24 h', short: '24 h', ms: 86_400_000 },
  { key: '7d', label: 'last 7 days', short: '7 d', ms: 7 * 86_400_000 },
  { key: '30d', label: 'last 30 days', short: '30 d', ms: 30 * 86_400_000 },
] as const;

/** Every check sends one: the monitors' rows, bars and charts follow them. */
const beatEvents = ['guardian.beat'] as const;

/**
 * Guardian, the home page: the first-run checklist while setup is open, the live monitors
 * first, then the score and live tiles, the trends on one time axis, the healing plan and
 * the top issues.
 */
export default function GuardianPage() {
  const tick = useGuardianTick();
  const beats = useEventTick(beatEvents, 3000);
  // a change made here refreshes right away (its events may be throttled)
  const [nonce, setNonce] = useState(0);
  const refresh = () => setNonce((n) => n + 1);
  const [windowKey, setWindowKey] = useState<(typeof windows)[number]['key']>('24h');
  const [adding, setAdding] = useState(false);
  const range = windows.find((w) => w.key === windowKey)!;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const span = useMemo(() => ({ from: Date.now() - range.ms, to: Date.now(), label: range.label }), [tick, nonce, beats, range]);
  const summary = useLoad(() => getApi().guardian.summary({}), [tick, nonce]);
  const plan = useLoad(() => getApi().guardian.healingPlan({}), [tick, nonce]);
  const monitors = useLoad(() => getApi().guardian.monitors({}), [tick, nonce, beats]);
  const stats = useLoad(() => getApi().guardian.monitorStats({ from: span.from, to: span.to, points: 60, beats: heartbeatTicks }), [span]);
  // the types do not change while the app runs
  const monitorTypes = useLoad(() => getApi().guardian.monitorTypes({}), []);
  const [checked, setChecked] = useState<Monitor[] | undefined>(undefined);
  useEffect(() => setChecked(undefined), [monitors.data]);
  const statsById = useMemo(() => new Map<string, MonitorStats>((stats.data?.monitors ?? []).map((s) => [s.id, s])), [stats.data]);

  const onChecked = (list: Monitor[]) => {
    setChecked(list);
    refresh();
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
  const list = checked ?? monitors.data?.monitors ?? [];
  const windowControl = (
    <div className="seg" role="group" aria-label="Time window of the charts" data-testid="guardian-window">
      {windows.map((w) => (
        <button key={w.key} type="button" className="seg__btn" aria-pressed={w.key === windowKey} onClick={() => setWindowKey(w.key)}>
          {w.short}
        </button>
      ))}
    </div>
  );

  return (
    <div className="stack page-wide guardian">
      {summary.error ? <ErrorNotice message={`Could not refresh: ${summary.error}`} onRetry={summary.reload} /> : null}
      {monitors.data ? <FirstRunChecklist monitors={monitors.data.monitors.length} remoteConfigured={summary.data.sync.configured} tick={tick + nonce} onAddMonitor={() => setAdding(true)} /> : null}
      {monitors.error && !monitors.data ? <ErrorNotice message={`Could not read the monitors: ${monitors.error}`} onRetry={monitors.reload} /> : null}
      {monitors.data ? <Monitors monitors={list} types={monitorTypes.data?.monitorTypes} stats={statsById} span={span} windowControl={windowControl} adding={adding} onAdding={setAdding} onChecked={onChecked} onChanged={refresh} /> : null}
      <div className="guardian__top">
        <ScoreCard summary={summary.data} />
        <Tiles summary={summary.data} />
      </div>
      <Suspense fallback={<section className="card ghistory ghistory--loading" aria-label="Loading the trends" />}>
        <Trends span={span} monitors={list} stats={statsById} tick={tick + nonce} />
      </Suspense>
      <div className="guardian__cols">
        {plan.data ? <HealingPlan plan={plan.data} onRequested={refresh} /> : plan.error ? <ErrorNotice message={`Could not read the healing plan: ${plan.error}`} onRetry={plan.reload} /> : null}
        <TopIssues summary={summary.data} />
      </div>
    </div>
  );
}
