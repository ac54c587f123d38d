import type { WorkerInfo } from '../../../../shared/contract/workers';
import { DataTable } from '../../components/DataTable';
import { formatAgo } from '../../format/time';

/** A worker not heard from for this long is marked stale: it was killed or lost the database (heartbeats come every few seconds). */
const staleAfterMs = 90_000;

function state(w: WorkerInfo, now: number): string {
  if (w.stopped) return 'stopped';
  return now - w.lastHeartbeat > staleAfterMs ? 'stale' : 'running';
}

/** The workers the shared Postgres knows, the most recently heard first. */
export function WorkerTable({ workers, now }: { workers: WorkerInfo[]; now: number }) {
  if (workers.length === 0) return <p className="muted">No worker has registered with the shared Postgres yet. Start one with <code>levqor worker --database-url URL</code>.</p>;
  return (
    <DataTable label="Workers" columns={['Worker', 'Host', 'Version', 'Queues', 'Concurrency', 'Last heartbeat', 'Jobs running', 'Throughput', 'State']}>
      {workers.map((w) => (
        <tr key={w.id} data-testid="worker-row" data-state={state(w, now)}>
          <td>
            <code>{w.id}</code>
          </td>
          <td>{w.host}</td>
          <td>{w.version}</td>
          <td>{w.queues.join(', ')}</td>
          <td>{w.concurrency}</td>
          <td title={new Date(w.lastHeartbeat).toISOString()}>{formatAgo(Math.max(0, now - w.lastHeartbeat))}</td>
          <td>{w.jobsRunning}</td>
          <td>{w.throughput.toFixed(2)}/s</td>
          <td data-testid="worker-state">{state(w, now)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
