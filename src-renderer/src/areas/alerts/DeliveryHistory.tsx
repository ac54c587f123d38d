import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';
import { testOutcomeTone } from './format';
import { ProviderWords } from './ProviderWords';

/** Every attempt at one outbox row (notify.history): when, how long, the outcome and the provider's answer or error. `version` changes when the row does, so a new attempt shows. */
export function DeliveryHistory({ id, version }: { id: string; version: string }) {
  const history = useLoad(() => getApi().notify.history({ id }), [id, version]);
  const attempts = history.data?.attempts ?? [];
  return (
    <div className="section al-history" data-testid="outbox-history">
      <ErrorNotice message={history.error ? `Could not read this notice's attempts: ${history.error}` : undefined} onRetry={history.reload} />
      {history.data === undefined && !history.error ? <p className="muted">Loading…</p> : null}
      {history.data !== undefined && attempts.length === 0 ? <p className="muted">No attempt yet.</p> : null}
      {attempts.length > 0 ? (
        <ol className="plain-list">
          {attempts.map((a) => (
            <li key={a.attempt} className="toolbar" data-testid="outbox-attempt" data-outcome={a.outcome}>
              <span>#{a.attempt}</span>
              <When at={a.at} />
              <span className={`pill tone--${testOutcomeTone[a.outcome]}`}>{a.outcome}</span>
              <span className="muted">{a.ms} ms</span>
              <ProviderWords answer={a.answer} error={a.error} testId="outbox-attempt" />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
