import { useEffect, useState } from 'react';
import type { RemoteStatus } from '../../../../shared/contract/remote';
import type { EventPayload } from '../../../../shared/contract';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../hooks/use-action';
import { formatCount } from '../../format/number';
import { formatAgo } from '../../format/time';
import { useLoad } from '../../hooks/use-load';

type Progress = EventPayload<'telemetry.syncProgress'>;

const stateLabel: Record<RemoteStatus['state'], string> = {
  not_configured: 'Not configured',
  idle: 'Idle',
  connecting: 'Connecting…',
  connected: 'Connected',
  error: 'Error',
};

/** The remote Postgres at a glance: state, last error, lag, and "Sync now" with its progress. */
export function RemoteStrip() {
  const loaded = useLoad(() => getApi().remote.status({}), []);
  const [status, setStatus] = useState<RemoteStatus | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [result, setResult] = useState<string | undefined>(undefined);
  const sync = useAction();

  useEffect(() => {
    if (loaded.data) setStatus(loaded.data);
  }, [loaded.data]);

  useEffect(() => {
    const api = getApi();
    const offs = [api.on('remote.changed', setStatus), api.on('telemetry.syncProgress', setProgress)];
    return () => offs.forEach((off) => off());
  }, []);

  const runSync = () =>
    sync.run(async () => {
      setResult(undefined);
      const r = await getApi().telemetry.sync({});
      setResult(`Pushed ${formatCount(r.pushed)}, pulled ${formatCount(r.pulled)}${r.skipped ? `, skipped ${formatCount(r.skipped)}` : ''} in ${(r.durationMs / 1000).toFixed(1)} s · ${formatCount(r.lagRows)} waiting`);
      setStatus(await getApi().remote.status({}));
    });

  const s = status;
  const state = s?.state ?? 'idle';
  const running = sync.pending && progress && (progress.phase === 'push' || progress.phase === 'pull');

  return (
    <section className={`rstrip rstrip--${state}`} aria-label="Remote sync" data-testid="remote-strip">
      <span className={`rstrip__dot rstrip__dot--${state}`} aria-hidden="true" />
      <div className="row-text rstrip__main">
        <span className="rstrip__title">
          Remote Postgres: <strong data-testid="remote-state">{s ? stateLabel[s.state] : loaded.error ? 'Unknown' : 'Checking…'}</strong>
        </span>
        <span className="rstrip__sub muted">
          {loaded.error && !s ? `Could not read the remote status: ${loaded.error}` : null}
          {s && !s.configured ? 'Telemetry stays on this machine. Set the database URL in Settings → Secrets (or LEVQOR_DATABASE_URL) to sync with the hosted site.' : null}
          {s && s.configured ? (
            <>
              {formatCount(s.lag.pushPending)} rows to push
              {s.lag.pullPending !== undefined ? ` · ${formatCount(s.lag.pullPending)} to pull` : ''}
              {' · '}
              {s.lastSyncAt !== undefined ? `last sync ${formatAgo(Date.now() - s.lastSyncAt)}` : 'never synced'}
            </>
          ) : null}
        </span>
        {s?.lastError ? (
          <span className="rstrip__error" role="alert">
            Last error{s.lastError.code ? ` (${s.lastError.code})` : ''}: {s.lastError.message} · {formatAgo(Date.now() - s.lastError.at)}
          </span>
        ) : null}
        {running ? (
          <span className="rstrip__progress">
            <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={`Sync ${progress.phase}`} /> {progress.phase} {formatCount(progress.done)} / {formatCount(progress.total)}
          </span>
        ) : null}
        {result && !sync.pending ? <span className="saved-notice">{result}</span> : null}
        <ErrorNotice message={sync.error && `Sync failed: ${sync.error.message}`} inline />
      </div>
      <div className="actions">
        {sync.pending ? (
          <button type="button" className="button button--ghost" onClick={() => void getApi().telemetry.cancelSync({})}>
            Cancel
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => void runSync()} disabled={sync.pending || !s?.configured} title={s && !s.configured ? 'No remote Postgres is configured' : undefined}>
          {sync.pending ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
    </section>
  );
}
