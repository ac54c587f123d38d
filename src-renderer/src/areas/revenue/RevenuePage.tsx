import { useCallback, useState } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { MoneySection } from './MoneySection';
import { PackagesSection } from './PackagesSection';
import { PipelineSection } from './PipelineSection';
import { PipelineSyncLine } from './PipelineSyncLine';
import './revenue.css';

const loadStats = () => getApi().revenue.pipelineStats({});

/**
 * Revenue: the Stripe money from the synced tables (KPI tiles, MRR movements, MRR over 24
 * months, customers, the Stripe sync), the DFY packages on sale, then the leads and DFY boards from the local copy of the
 * shared Postgres with their conversion, time in stage and sync line. All of it works offline.
 */
export default function RevenuePage() {
  // a sync reloads the boards; a move or an edit reloads only the stats and the sync line
  const [pulled, setPulled] = useState(0);
  const [changed, setChanged] = useState(0);
  const stats = useLoad(loadStats, [pulled, changed]);
  const onChanged = useCallback(() => setChanged((n) => n + 1), []);
  const onSynced = useCallback(() => setPulled((n) => n + 1), []);

  return (
    <div className="stack page-wide revenue" data-testid="revenue-area">
      <MoneySection />
      <PackagesSection />
      <PipelineSyncLine tick={pulled + changed} onSynced={onSynced} />
      <ErrorNotice message={stats.error && `Could not read the pipeline stats: ${stats.error}`} onRetry={stats.reload} />
      <PipelineSection kind="dfy" tick={pulled} stats={stats.data?.dfy} onChanged={onChanged} />
      <PipelineSection kind="lead" tick={pulled} stats={stats.data?.leads} onChanged={onChanged} />
    </div>
  );
}
