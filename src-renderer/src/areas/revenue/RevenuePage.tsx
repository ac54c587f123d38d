import { useCallback, useState } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { MoneyNotConnected } from './MoneyNotConnected';
import { PipelineSection } from './PipelineSection';
import { PipelineSyncLine } from './PipelineSyncLine';
import './revenue.css';

const loadStats = () => getApi().revenue.pipelineStats({});

/**
 * Revenue: the leads and DFY boards from the local copy of the shared Postgres (offline too),
 * their conversion and time in stage, and the sync line. The Stripe money part says plainly
 * that it is not connected yet (docs/revenue-area.md).
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
      <MoneyNotConnected />
      <PipelineSyncLine tick={pulled + changed} onSynced={onSynced} />
      <ErrorNotice message={stats.error && `Could not read the pipeline stats: ${stats.error}`} onRetry={stats.reload} />
      <PipelineSection kind="dfy" tick={pulled} stats={stats.data?.dfy} onChanged={onChanged} />
      <PipelineSection kind="lead" tick={pulled} stats={stats.data?.leads} onChanged={onChanged} />
    </div>
  );
}
