import type { ReactNode } from 'react';
import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import { getApi } from '../../api/client';
import { formatCount } from '../../format/number';
import { formatAgo, formatLatency } from '../../format/time';
import { toneClass } from '../../components/tone';
import { useLoad } from '../../hooks/use-load';
import { errorRate } from './format';

type Tone = 'good' | 'warn' | 'bad' | 'muted';

function Tile({ id, label, value, sub, tone }: { id: string; label: string; value: ReactNode; sub: ReactNode; tone: Tone }) {
  return (
    <div className={`gtile ${toneClass(tone)}`} data-testid={`tile-${id}`}>
      <span className="eyebrow">{label}</span>
      <span className="gtile__value">{value}</span>
      <span className="gtile__sub">{sub}</span>
    </div>
  );
}

const hourMs = 3_600_000;

/** Errors, volume and p95 over the last hour, from the telemetry rollups. */
function useLastHour(tick: number) {
  return useLoad(async () => {
    const to = Date.now();
    const from = to - hourMs;
    const api = getApi();
    const [volume, errors, p95] = await Promise.all([
      api.telemetry.series({ metric: 'volume', from, to, points: 60 }),
      api.telemetry.series({ metric: 'errors', from, to, points: 60 }),
      api.telemetry.series({ metric: 'p95', from, to, points: 60 }),
    ]);
    const sum = (ps: { y: number }[]) => ps.reduce((s, p) => s + p.y, 0);
    return { volume: sum(volume.points), errors: sum(errors.points), p95: p95.points.length ? Math.max(...p95.points.map((p) => p.y)) : null };
  }, [tick]);
}

/** Live tiles: every figure from the summary or the telemetry rollups; "not configured" said plainly. */
export function Tiles({ summary, tick }: { summary: ExecutiveSummary; tick: number }) {
  const hour = useLastHour(tick);
  const m = summary.monitors;
  const rate = hour.data ? errorRate(hour.data.errors, hour.data.volume) : null;
  const backupNa = summary.notAssessed.find((n) => n.kind === 'stale_backup');
  const backupHit = summary.breakdown.find((d) => d.kind === 'stale_backup');
  const sync = summary.sync;
  const approvals = summary.pendingApprovals;

  return (
    <section className="gtiles" aria-label="Live status">
      <Tile
        id="monitors"
        label="Monitors"
        tone={m.total === 0 ? 'muted' : m.down > 0 ? 'bad' : m.pending > 0 ? 'warn' : 'good'}
        value={
          m.total === 0 ? (
            'None'
          ) : (
            <>
              <span data-testid="tile-monitors-up">{m.up}</span> up · <span data-testid="tile-monitors-down">{m.down}</span> down
            </>
          )
        }
        sub={m.total === 0 ? 'Add one: levqor monitor add' : `${m.total} total${m.pending ? ` · ${m.pending} pending` : ''}${m.maintenance ? ` · ${m.maintenance} in maintenance` : ''}`}
      />
      <Tile
        id="error-rate"
        label="Error rate · 1 h"
        tone={rate === null ? 'muted' : rate >= 5 ? 'bad' : rate >= 1 ? 'warn' : 'good'}
        value={hour.error ? '—' : rate === null ? (hour.data ? 'No traffic' : '…') : `${rate}%`}
        sub={hour.error ? `Could not read telemetry: ${hour.error}` : hour.data ? `${formatCount(hour.data.errors)} error${hour.data.errors === 1 ? '' : 's'} in ${formatCount(hour.data.volume)} row${hour.data.volume === 1 ? '' : 's'}` : 'Loading…'}
      />
      <Tile
        id="p95"
        label="p95 latency · 1 h"
        tone={hour.data?.p95 == null ? 'muted' : hour.data.p95 >= 1000 ? 'bad' : hour.data.p95 >= 500 ? 'warn' : 'good'}
        value={hour.error ? '—' : hour.data ? (hour.data.p95 === null ? 'No data' : formatLatency(hour.data.p95)) : '…'}
        sub={hour.data?.p95 != null ? 'worst minute, all endpoints' : 'no timed requests in the last hour'}
      />
      <Tile
        id="anomalies"
        label="Open anomalies"
        tone={summary.anomalies.length ? 'bad' : 'good'}
        value={formatCount(summary.anomalies.length)}
        sub={summary.anomalies[0] ? summary.anomalies[0].summary : 'none detected'}
      />
      <Tile
        id="sync"
        label="Remote sync"
        tone={!sync.configured ? 'muted' : sync.state === 'error' ? 'bad' : sync.lastSyncAt === undefined ? 'warn' : 'good'}
        value={!sync.configured ? 'Not configured' : sync.state === 'error' ? 'Error' : sync.lastSyncAt !== undefined ? formatAgo(Date.now() - sync.lastSyncAt) : 'Never synced'}
        sub={!sync.configured ? 'no remote Postgres: data stays local' : `${formatCount(sync.lag.pushPending)} rows to push`}
      />
      <Tile
        id="backup"
        label="Last backup"
        tone={backupNa ? 'muted' : backupHit ? 'bad' : 'good'}
        value={backupNa ? 'Not configured' : backupHit ? 'Stale' : 'Recent'}
        sub={backupNa ? backupNa.reason : backupHit ? backupHit.evidence : 'within the backup monitor’s limit'}
      />
      <Tile
        id="approvals"
        label="Pending approvals"
        tone={approvals.count ? 'warn' : 'good'}
        value={formatCount(approvals.count)}
        sub={approvals.oldestAt !== null ? `oldest ${formatAgo(Date.now() - approvals.oldestAt)}` : 'nothing waiting'}
      />
    </section>
  );
}
