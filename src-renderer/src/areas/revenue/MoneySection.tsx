import { lazy, Suspense, useCallback, useState } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/use-load';
import { useWidth } from '../../hooks/use-width';
import { CustomersTable } from './CustomersTable';
import { KpiTiles } from './KpiTiles';
import { StripeSyncStatus } from './StripeSyncStatus';

// recharts is the largest dependency of the renderer: loaded only when the charts show
const MovementsChart = lazy(() => import('./MovementsChart'));
const MrrChart = lazy(() => import('./MrrChart'));

/** The Stripe money: sync status, this month's KPI tiles, MRR movements and MRR over 24 months, customers. */
export function MoneySection() {
  const [synced, setSynced] = useState(0);
  const onSynced = useCallback(() => setSynced((n) => n + 1), []);
  const status = useLoad(() => getApi().revenue.syncStatus({}), [synced]);
  const metrics = useLoad(() => getApi().revenue.metrics({}), [synced]);
  const [chartBox, width] = useWidth<HTMLDivElement>();
  const m = metrics.data;
  const everSynced = status.data?.lastSuccessAt !== null && status.data?.lastSuccessAt !== undefined;
  // charts of nothing but zero lines read like a broken page: say there is no recurring revenue yet
  const anyRecurring = m?.months.some((x) => x.mrr !== 0 || x.new !== 0 || x.churn !== 0) ?? false;

  return (
    <>
      {status.data ? <StripeSyncStatus status={status.data} onSynced={onSynced} /> : null}
      <ErrorNotice message={status.error && `Could not read the Stripe sync state: ${status.error}`} onRetry={status.reload} />
      <Section id="rv-money" title={m ? `This month (${m.month}, ${m.currency.toUpperCase()})` : 'This month'} description="From the Stripe data synced to this machine; works offline.">
        <ErrorNotice message={metrics.error && `Could not work out the figures: ${metrics.error}`} onRetry={metrics.reload} />
        {status.data && !everSynced ? <p className="empty" data-testid="money-empty">No Stripe data synced yet: the figures appear after the first sync.</p> : null}
        {m && everSynced ? (
          <div className="stack" ref={chartBox}>
            <KpiTiles metrics={m} />
            {anyRecurring ? (
              <Suspense fallback={<p className="muted">Loading the charts…</p>}>
                <figure className="rv-chart" data-testid="movements">
                  <figcaption>MRR movements</figcaption>
                  <MovementsChart months={m.months} currency={m.currency} width={width} />
                </figure>
                <figure className="rv-chart" data-testid="mrr-over-time">
                  <figcaption>MRR over 24 months</figcaption>
                  <MrrChart months={m.months} currency={m.currency} width={width} />
                </figure>
              </Suspense>
            ) : (
              <p className="empty" data-testid="charts-empty">
                No subscription revenue in these 24 months: the MRR charts appear once a synced subscription pays.
              </p>
            )}
          </div>
        ) : null}
      </Section>
      <Section id="rv-customers" title="Customers" description="Synced Stripe customers with their MRR now.">
        <CustomersTable tick={synced} />
      </Section>
    </>
  );
}
