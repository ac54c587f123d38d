import { useState } from 'react';
import { anomalyFigures, anomalyKindLabel, anomalySeverityLabel, anomalyTitle, bySeverity } from '../../../../shared/anomalies';
import type { Anomaly } from '../../../../shared/contract/telemetry';
import { getApi } from '../../api/client';
import { useAction } from '../../hooks/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useLoad } from '../../hooks/use-load';

function formatNumber(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** One anomaly, titled by what it is about (a repeated message by its text), with the figures behind it in words. */
export function AnomalyCard({ a }: { a: Anomaly }) {
  return (
    <li className={`tile anomaly anomaly--${a.severity}`} data-testid="telemetry-anomaly" data-kind={a.kind} data-severity={a.severity}>
      <div className="toolbar">
        <span className={`sev sev--${a.severity}`} title={anomalySeverityLabel[a.severity]}>
          {a.severity}
        </span>
        <span className="anomaly__kind">{anomalyKindLabel[a.kind]}</span>
        <strong className="anomaly__title" data-testid="anomaly-title" title={a.kind === 'repeated_message' ? `fingerprint ${a.subject}` : undefined}>
          {anomalyTitle(a)}
        </strong>
        <span className="muted anomaly__when">detected <When at={a.detectedAt} show="relative" /></span>
      </div>
      <p className="anomaly__summary">{a.summary}</p>
      <p className="muted anomaly__window">
        Window <When at={a.windowStart} show="exact" /> → <When at={a.windowEnd} show="exact" /> · last seen <When at={a.lastSeenAt} show="relative" />
      </p>
      <dl className="numbers">
        {anomalyFigures(a).map((f) => (
          <div key={f.key} className="numbers__item" title={f.key}>
            <dt>{f.label}</dt>
            <dd>{formatNumber(f.value)}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** Stored anomalies, most severe first (then the most recently seen); "Run detectors now" asks core to look again. */
export function AnomalyList({ tick, initialKind }: { tick: number; initialKind?: Anomaly['kind'] | undefined }) {
  const [kind, setKind] = useState<Anomaly['kind'] | ''>(initialKind ?? '');
  const anomalies = useLoad(() => getApi().telemetry.anomalies({ limit: 200, ...(kind ? { kind } : {}) }), [kind, tick]);
  const detect = useAction();
  const list = [...(anomalies.data?.anomalies ?? [])].sort(bySeverity);
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
          {Object.entries(anomalyKindLabel).map(([k, label]) => (
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
        <p className="muted empty-line">No anomalies detected. The detectors run every minute over your traffic (the app’s own log lines are left out): repeated messages, unusual latency, error burn rates and traffic spikes or drops.</p>
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
