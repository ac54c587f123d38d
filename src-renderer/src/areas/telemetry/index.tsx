import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { anomalyKinds } from '../../../../shared/telemetry';
import { paramsFromHash, useHashQuery } from '../../routing/hash-params';
import { getApi } from '../../api/client';
import { AnomalyList } from './AnomalyList';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DailyReport } from './DailyReport';
import { EmptyState } from './EmptyState';
import { emptyFilters, filtersFromParams, type ExplorerFilters } from './filters';
import { GroupsView } from './GroupsView';
import { LogExplorer } from './LogExplorer';
import { RemoteStrip } from './RemoteStrip';
import { useLoad } from '../../hooks/use-load';
import { useTelemetryTick } from '../../hooks/use-telemetry-tick';
import './telemetry.css';

// recharts is the largest dependency of the renderer: loaded only when this page shows charts
const Charts = lazy(() => import('./Charts'));

type Tab = 'explorer' | 'groups' | 'anomalies' | 'report';

const tabs: { id: Tab; label: string }[] = [
  { id: 'explorer', label: 'Explorer' },
  { id: 'groups', label: 'Groups' },
  { id: 'anomalies', label: 'Anomalies' },
  { id: 'report', label: 'Daily report' },
];

/** Telemetry: sync strip, trend charts, and the explorer / groups / anomalies / daily report tabs. */
export default function TelemetryArea() {
  const tick = useTelemetryTick();
  // a link from another page (Guardian) says what to show: a tab, the explorer's filters, an anomaly kind
  const query = useHashQuery();
  const params = useMemo(() => paramsFromHash(query), [query]);
  const linkedTab = tabs.find((t) => t.id === params.tab)?.id;
  const [tab, setTab] = useState<Tab>(linkedTab ?? 'explorer');
  const [filters, setFilters] = useState<ExplorerFilters>(() => filtersFromParams(params));
  const linkedKind = anomalyKinds.find((k) => k === params.kind);
  useEffect(() => {
    setTab(linkedTab ?? 'explorer');
    setFilters(filtersFromParams(params));
  }, [params, linkedTab]);
  // one row anywhere tells "empty" from "nothing matches"
  const probe = useLoad(() => getApi().telemetry.query({ limit: 1 }), [tick]);
  const hasRows = (probe.data?.rows.length ?? 0) > 0;

  const pickFingerprint = useCallback((fingerprint: string) => {
    setFilters({ ...emptyFilters, fingerprint });
    setTab('explorer');
  }, []);

  return (
    <div className="stack page-wide telemetry">
      <RemoteStrip />
      {probe.error && !probe.data ? <ErrorNotice message={`Could not read telemetry: ${probe.error}`} onRetry={probe.reload} /> : null}
      {!probe.data && probe.loading ? (
        <p className="muted" role="status">
          Loading telemetry…
        </p>
      ) : null}
      {probe.data && !hasRows ? <EmptyState /> : null}
      {hasRows ? (
        <>
          <Suspense fallback={<section className="card section tcharts tcharts--loading" aria-label="Loading charts" />}>
            <Charts tick={tick} />
          </Suspense>
          <section className="card section tpanel">
            <div className="tabs" role="tablist" aria-label="Telemetry views">
              {tabs.map((t) => (
                <button key={t.id} type="button" role="tab" id={`ttab-${t.id}`} aria-controls={`tpanel-${t.id}`} aria-selected={tab === t.id} className="tabs__tab" onClick={() => setTab(t.id)}>
                  {t.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id="tpanel-explorer" aria-labelledby="ttab-explorer" hidden={tab !== 'explorer'}>
              <LogExplorer filters={filters} onFilters={setFilters} tick={tick} />
            </div>
            {tab === 'groups' ? (
              <div role="tabpanel" id="tpanel-groups" aria-labelledby="ttab-groups">
                <GroupsView tick={tick} onPick={pickFingerprint} />
              </div>
            ) : null}
            {tab === 'anomalies' ? (
              <div role="tabpanel" id="tpanel-anomalies" aria-labelledby="ttab-anomalies">
                <AnomalyList tick={tick} initialKind={linkedKind} />
              </div>
            ) : null}
            {tab === 'report' ? (
              <div role="tabpanel" id="tpanel-report" aria-labelledby="ttab-report">
                <DailyReport tick={tick} onPick={pickFingerprint} />
              </div>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
