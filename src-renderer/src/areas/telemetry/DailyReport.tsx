import { useState } from 'react';
import { getApi } from '../../api/client';
import { DataTable, numberColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DeltaBadge, LevelBadge } from './bits';
import { bySeverity } from '../../../../shared/anomalies';
import { AnomalyCard } from './AnomalyList';
import { formatCount } from '../../format/number';
import { formatLatency, formatUtcDay } from '../../format/time';
import { yesterdayUtc } from './format';
import { useLoad } from '../../hooks/use-load';

/** The daily report for a UTC day, every figure beside the day before. */
export function DailyReport({ tick, onPick }: { tick: number; onPick(fingerprint: string): void }) {
  const [date, setDate] = useState(() => yesterdayUtc(Date.now()));
  const today = new Date().toISOString().slice(0, 10);
  const report = useLoad(() => getApi().telemetry.report({ date }), [date, tick]);
  const r = report.data;

  return (
    <div className="report">
      <div className="toolbar groups__bar">
        <label className="report__date">
          <span>Day (UTC)</span>
          <input className="input" type="date" value={date} max={today} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </label>
        {r ? <span className="muted">compared with {formatUtcDay(r.from - 86_400_000)}</span> : null}
      </div>
      {report.error ? <ErrorNotice message={`Could not build the report: ${report.error}`} onRetry={report.reload} /> : null}
      {!r && report.loading ? <p className="muted empty-line">Building the report…</p> : null}
      {r ? (
        <div className="report__grid" data-testid="telemetry-report">
          <div className="tile stat stat--total">
            <span className="eyebrow">Rows</span>
            <span className="stat__value">{formatCount(r.total.count)}</span>
            <DeltaBadge now={r.total.count} before={r.total.previous} />
          </div>
          {r.byLevel.map((l) => (
            <div key={l.level} className="tile stat">
              <span className="eyebrow">
                <LevelBadge level={l.level} />
              </span>
              <span className="stat__value">{formatCount(l.count)}</span>
              <DeltaBadge now={l.count} before={l.previous} upIsBad={l.level === 'error' || l.level === 'fatal' || l.level === 'warn'} />
            </div>
          ))}
          <div className="tile stat">
            <span className="eyebrow">Anomalies</span>
            <span className="stat__value">{formatCount(r.anomalies.count)}</span>
            <DeltaBadge now={r.anomalies.count} before={r.anomalies.previous} upIsBad />
          </div>
        </div>
      ) : null}
      {r && r.total.count === 0 && r.total.previous === 0 ? <p className="muted empty-line">Nothing was recorded on {r.date} or the day before.</p> : null}
      {r && r.topErrors.length > 0 ? (
        <div className="report__block">
          <h3>Top errors</h3>
          <DataTable className="data-table--framed ttable" label="Top errors" wrap={false} columns={['Level', 'Message', numberColumn('Count'), numberColumn('vs day before')]}>
            {r.topErrors.map((e) => (
              <tr key={e.fingerprint} className="ttable__click" onClick={() => onPick(e.fingerprint)} title="Show these rows in the explorer">
                <td>
                  <LevelBadge level={e.level} />
                </td>
                <td className="ttable__msg">{e.sample}</td>
                <td className="num">{formatCount(e.count)}</td>
                <td className="num">
                  <DeltaBadge now={e.count} before={e.previous} upIsBad />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
      {r && r.slowestEndpoints.length > 0 ? (
        <div className="report__block">
          <h3>Slowest endpoints (p95)</h3>
          <DataTable className="data-table--framed ttable" label="Slowest endpoints" wrap={false} columns={['Endpoint', numberColumn('Requests'), numberColumn('Errors'), numberColumn('p95'), numberColumn('vs day before')]}>
            {r.slowestEndpoints.map((e) => (
              <tr key={`${e.method} ${e.endpoint}`}>
                <td>
                  <b>{e.method}</b> {e.endpoint}
                </td>
                <td className="num">
                  {formatCount(e.requests)} <DeltaBadge now={e.requests} before={e.previousRequests} />
                </td>
                <td className="num">{formatCount(e.errors)}</td>
                <td className="num">{formatLatency(e.p95Ms)}</td>
                <td className="num">{e.previousP95Ms === null ? <span className="muted">no data</span> : <DeltaBadge now={Math.round(e.p95Ms)} before={Math.round(e.previousP95Ms)} upIsBad />}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
      {r && r.anomalies.items.length > 0 ? (
        <div className="report__block">
          <h3>Anomalies that day</h3>
          <ul className="plain-list">
            {[...r.anomalies.items].sort(bySeverity).map((a) => (
              <AnomalyCard key={a.id} a={a} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
