import { useState } from 'react';
import type { Anomaly } from '../../../../shared/contract/telemetry';
import { getApi } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTs } from '../../format/time';
import { useLoad } from '../../hooks/use-load';

const kindLabel: Record<Anomaly['kind'], string> = {
  repeated_message: 'Repeated message',
  slow_endpoint: 'Slow endpoint',
  error_burn_rate: 'Error burn rate',
  volume_spike: 'Volume spike',
  volume_drop: 'Volume drop',
};

function formatNumber(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** One anomaly with the numbers behind it. */
export function AnomalyCard({ a }: { a: Anomaly }) {
  return (
    <li className={`tile anomaly anomaly--${a.severity}`} data-testid="telemetry-anomaly">
      <div className="toolbar">
        <span className={`sev sev--${a.severity}`}>{a.severity}</span>
        <span className="anomaly__kind">{kindLabel[a.kind]}</span>
        <code className="anomaly__subject">{a.subject}</code>
        <span className="muted anomaly__when">detected {formatTs(a.detectedAt, false)}</span>
      </div>
      <p className="anomaly__summary">{a.summary}</p>
      <p className="muted anomaly__window">
        Window {formatTs(a.windowStart, false)} → {formatTs(a.windowEnd, false)} · last seen {formatTs(a.lastSeenAt, false)}
      </p>
      <dl className="numbers">
        {Object.entries(a.numbers).map(([k, v]) => (
          <div key={k} className="numbers__item">
            <dt>{k}</dt>
            <dd>{formatNumber(v)}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** Stored anomalies, newest first; "Run detectors now" asks core to look again. */
export function AnomalyList({ tick }: { tick: number }) {
  const [kind, setKind] = useState<Anomaly['kind'] | ''>('');
  const anomalies = useLoad(() => getApi().telemetry.anomalies({ limit: 200, ...(kind ? { kind } : {}) }), [kind, tick]);
  const detect = useAction();
  const list = anomalies.data?.anomalies ?? [];
  const runDetectors = () =>
    detect.run(async () => {
      await getApi().telemetry.detect({});
      anomalies.reload();
    });

  return (
    <div className="anomalies">
      <div className="toolbar groups__bar">
        <select className="select groups__range" aria-label="Anomaly kind" value={kind} onChange={(e) => setKind(e.target.value as Anomaly['kind'] | '')}>
          <option value="">Every kind</option>
          {Object.entries(kindLabel).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" className="button button--ghost" disabled={detect.pending} onClick={() => void runDetectors()}>
          {detect.pending ? 'Running detectors…' : 'Run detectors now'}
        </button>
        <ErrorNotice message={detect.error} inline />
      </div>
      {anomalies.error ? <ErrorNotice message={`Could not load anomalies: ${anomalies.error}`} onRetry={anomalies.reload} /> : null}
      {anomalies.data && list.length === 0 ? (
        <p className="muted empty-line">No anomalies detected. The detectors run every minute over the rollups: repeated messages, slow endpoints, error burn rates and volume spikes or drops.</p>
      ) : null}
      {list.length > 0 ? (
        <ul className="plain-list" aria-label="Anomalies">
          {list.map((a) => (
            <AnomalyCard key={a.id} a={a} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
