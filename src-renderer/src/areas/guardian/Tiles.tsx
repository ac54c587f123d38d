import { anomalyKindLabel, anomalyTitle } from '../../../../shared/anomalies';
import type { ExecutiveSummary } from '../../../../shared/contract/guardian';
import { telemetryHref } from '../../routing/hash-params';
import { formatCount } from '../../format/number';
import { formatAgo, formatLatency } from '../../format/time';
import { errorRate } from './format';
import { RevenueTile } from './RevenueTile';
import { Tile } from './Tile';

/** Live tiles: every figure from the summary or the telemetry rollups; "not configured" said plainly. */
export function Tiles({ summary }: { summary: ExecutiveSummary }) {
  const m = summary.monitors;
  const { traffic, appLog } = summary;
  const rate = errorRate(traffic.serverErrors, traffic.requests);
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
        sub={m.total === 0 ? 'Add one in Monitors above' : `${m.total} total${m.pending ? ` · ${m.pending} pending` : ''}${m.maintenance ? ` · ${m.maintenance} in maintenance` : ''}`}
      />
      <Tile
        id="error-rate"
        label="Error rate · 1 h"
        tone={rate === null ? 'muted' : rate >= 5 ? 'bad' : rate >= 1 ? 'warn' : 'good'}
        value={rate === null ? 'No requests' : `${rate}%`}
        sub={`${formatCount(traffic.serverErrors)} answered 5xx of ${formatCount(traffic.requests)} request${traffic.requests === 1 ? '' : 's'}`}
      />
      <Tile
        id="p95"
        label="p95 latency · 1 h"
        tone={traffic.p95Ms === null ? 'muted' : traffic.p95Ms >= 1000 ? 'bad' : traffic.p95Ms >= 500 ? 'warn' : 'good'}
        value={traffic.p95Ms === null ? 'No data' : formatLatency(traffic.p95Ms)}
        sub={traffic.p95Ms !== null ? 'your endpoints, last hour' : 'no timed requests in the last hour'}
      />
      <Tile
        id="anomalies"
        label="Open anomalies"
        tone={summary.anomalies.length ? 'bad' : 'good'}
        value={formatCount(summary.anomalies.length)}
        sub={summary.anomalies[0] ? `${anomalyKindLabel[summary.anomalies[0].kind]}: ${anomalyTitle(summary.anomalies[0])}` : 'none detected'}
      />
      <Tile
        id="app-log"
        label="Levqor X’s own log · 1 h"
        tone={appLog.errors > 0 ? 'warn' : 'muted'}
        value={appLog.errors > 0 ? `${formatCount(appLog.errors)} error${appLog.errors === 1 ? '' : 's'}` : 'No errors'}
        sub={
          appLog.errors + appLog.warnings > 0 ? (
            <>
              Levqor X logged {formatCount(appLog.errors)} error{appLog.errors === 1 ? '' : 's'} and {formatCount(appLog.warnings)} warning{appLog.warnings === 1 ? '' : 's'}; not scored.{' '}
              <a href={telemetryHref({ source: 'app', levels: appLog.errors > 0 ? 'error,fatal' : 'warn', range: '1h' })} data-testid="app-log-link">
                Open {appLog.errors > 0 ? 'them' : 'the warnings'} in Telemetry
              </a>
            </>
          ) : (
            'the app\u2019s own log lines, kept apart from your traffic'
          )
        }
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
      {summary.revenue ? <RevenueTile revenue={summary.revenue} /> : null}
    </section>
  );
}
