import { useEffect, useState } from 'react';
import type { StripeSyncStatus as Status } from '../../../../shared/contract/revenue-sync';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { fullPassNotice, syncBar } from './sync-progress';

/** The Stripe sync at a glance: mode badge, last success, running and its progress bar, why the last pass was full, the last error; Sync now. */
export function StripeSyncStatus({ status, onSynced }: { status: Status; onSynced(): void }) {
  const [live, setLive] = useState(status);
  const sync = useAction();
  useEffect(() => setLive(status), [status]);
  useEffect(() => {
    const api = getApi();
    const offs = [api.on('revenue.syncFinished', (s) => setLive(s)), api.on('revenue.syncProgress', (p) => setLive((s) => ({ ...s, running: true, progress: p })))];
    return () => offs.forEach((off) => off());
  }, []);
  const s = live;
  const bar = s.running && s.progress ? syncBar(s.progress) : undefined;
  const fullNotice = s.running ? undefined : fullPassNotice(s);
  return (
    <section className="card section-head rv-sync" aria-label="Stripe sync" data-testid="stripe-sync">
      <div className="row-text">
        <span>
          {s.mode ? (
            <span className={`pill ${s.mode === 'test' ? 'tone--warn' : 'tone--good'}`} data-testid="stripe-mode">
              {s.mode === 'test' ? 'Test mode' : 'Live mode'}
            </span>
          ) : null}{' '}
          {!s.configured ? 'No Stripe secret key is stored (Settings → Secrets): nothing is synced.' : null}
          {s.configured && s.lastSuccessAt !== null ? (
            <>
              Stripe last synced <When at={s.lastSuccessAt} show="relative" />
              {s.lastPassReason && !fullNotice ? ` · ${s.lastPassReason}` : ''}
            </>
          ) : null}
          {s.configured && s.lastSuccessAt === null ? 'Stripe never synced yet' : null}
        </span>
        {bar ? <ProgressBar label={bar.label} detail={bar.detail} percent={bar.percent} name="Stripe sync progress" valueText={bar.valueText} testId="stripe-sync-progress" /> : null}
        {fullNotice ? (
          <span className="pill tone--warn" data-testid="stripe-full-pass">
            {fullNotice}
          </span>
        ) : null}
        {s.lastError ? (
          <span className="rv-sync__error" role="alert">
            Last Stripe sync failed: {s.lastError}
          </span>
        ) : null}
        <ErrorNotice message={sync.error && `Stripe sync failed: ${sync.error.message}`} inline />
      </div>
      <button
        type="button"
        className="button"
        disabled={sync.pending || s.running || !s.configured}
        onClick={() =>
          void sync.run(async () => {
            setLive(await getApi().revenue.sync({}));
            onSynced();
          })
        }
      >
        {sync.pending || s.running ? 'Syncing…' : 'Sync now'}
      </button>
    </section>
  );
}
