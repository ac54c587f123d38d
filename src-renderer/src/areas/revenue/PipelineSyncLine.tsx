import { useState } from 'react';
import type { PipelineSyncResult } from '../../../../shared/contract/pipeline';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';

const loadStatus = () => getApi().revenue.pipelineStatus({});

function resultText(r: PipelineSyncResult): string {
  return `Pulled ${r.pulled.leads} lead(s) and ${r.pulled.dfy} DFY request(s); wrote back ${r.written} change(s)${r.conflicts ? `, ${r.conflicts} kept the site\u2019s stage` : ''}; ${r.pending} waiting.`;
}

/** Where the leads and DFY requests come from: when they were last pulled, offline or not, and "Sync now". */
export function PipelineSyncLine({ tick, onSynced }: { tick: number; onSynced(): void }) {
  const status = useLoad(loadStatus, [tick]);
  const [result, setResult] = useState<string | undefined>(undefined);
  const sync = useAction();
  const s = status.data;

  const runSync = () =>
    sync.run(async () => {
      setResult(undefined);
      try {
        setResult(resultText(await getApi().revenue.pipelineSync({})));
      } finally {
        onSynced();
      }
    });

  return (
    <section className="card section-head rv-sync" aria-label="Leads and DFY sync" data-testid="pipeline-sync">
      <div className="row-text">
        <span data-testid="pipeline-sync-state">
          {!s ? (status.error ? `Could not read the sync state: ${status.error}` : 'Checking…') : null}
          {s && !s.configured ? 'Offline: no shared Postgres is set up (Settings → Secrets), so these are the leads and DFY requests on this machine; changes wait here.' : null}
          {s?.configured ? (
            <>
              {s.lastError ? 'Offline — showing the local copy. ' : null}
              {s.lastSyncAt !== undefined ? (
                <>
                  Last pulled <When at={s.lastSyncAt} show="relative" />
                </>
              ) : (
                'Never pulled yet'
              )}
              {` · ${s.pending} change(s) waiting to be written back`}
            </>
          ) : null}
        </span>
        {s?.lastError ? (
          <span className="rv-sync__error" role="alert">
            Last sync failed: {s.lastError}
          </span>
        ) : null}
        {result && !sync.pending ? <span className="saved-notice">{result}</span> : null}
        <ErrorNotice message={sync.error && `Sync failed: ${sync.error.message}`} inline />
      </div>
      <button type="button" className="button" onClick={() => void runSync()} disabled={sync.pending || !s?.configured} title={s && !s.configured ? 'No shared Postgres is set up' : undefined}>
        {sync.pending ? 'Syncing…' : 'Sync now'}
      </button>
    </section>
  );
}
