import type { TelemetryRowOut } from '../../../../shared/contract/telemetry';
import { LevelBadge } from './bits';
import { Fragment } from 'react';
import { formatJson } from '../../format/json';
import { formatLatency } from '../../format/time';
import { When } from '../../components/When';

/** Everything stored for one row: the full message, ids, request fields and meta JSON. */
export function RowDetail({ row, onClose, onFingerprint }: { row: TelemetryRowOut; onClose(): void; onFingerprint(fp: string): void }) {
  const fields: [string, React.ReactNode][] = [
    ['Time', <When at={row.ts} show="exactMs" />],
    ['Source', row.source],
    ['Origin', row.origin === 'remote' ? 'remote (hosted site)' : 'local'],
    ['Request', row.endpoint ? `${row.method ?? ''} ${row.endpoint}`.trim() : '—'],
    ['Status', row.status ?? '—'],
    ['Duration', row.duration_ms !== null ? formatLatency(row.duration_ms) : '—'],
    ['Trace id', row.trace_id ? <code data-testid="row-trace-id">{row.trace_id}</code> : '—'],
    ['Row id', <code>{row.id}</code>],
  ];
  return (
    <aside className="tdetail card" aria-label="Row detail" data-testid="row-detail">
      <div className="section-head">
        <LevelBadge level={row.level} />
        <button type="button" className="button button--ghost tdetail__close" onClick={onClose} aria-label="Close row detail">
          ✕
        </button>
      </div>
      <p className="tdetail__message">{row.message}</p>
      <dl className="facts tdetail__fields">
        {fields.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
        <dt>Fingerprint</dt>
        <dd>
          <button type="button" className="bare linkish" onClick={() => onFingerprint(row.fingerprint)} title="Show every row with this fingerprint">
            <code>{row.fingerprint}</code>
          </button>
        </dd>
      </dl>
      <div className="tdetail__meta">
        <h3 className="eyebrow">Meta</h3>
        {row.meta ? <pre className="code-block" data-testid="row-meta">{formatJson(row.meta)}</pre> : <p className="muted">No meta on this row.</p>}
      </div>
    </aside>
  );
}
