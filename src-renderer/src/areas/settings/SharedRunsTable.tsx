import type { SharedRunInfo } from '../../../../shared/contract/workers';
import { DataTable } from '../../components/DataTable';
import { When } from '../../components/When';
import { formatLatency } from '../../format/time';

/** The recent runs of the shared store: the runs the workers drive (the app's own runs are in Workflows). */
export function SharedRunsTable({ runs }: { runs: SharedRunInfo[] }) {
  if (runs.length === 0) return <p className="muted">The shared store holds no run yet.</p>;
  return (
    <DataTable label="Runs on the workers" columns={['Workflow', 'Status', 'Worker', 'Started', 'Duration']}>
      {runs.map((r) => (
        <tr key={r.id} data-testid="shared-run-row">
          <td>{r.workflowName}</td>
          <td data-testid="shared-run-status">{r.status}</td>
          <td>{r.worker ? <code>{r.worker}</code> : <span className="muted">not claimed yet</span>}</td>
          <td>{r.startedAt === null ? <span className="muted">not started</span> : <When at={r.startedAt} />}</td>
          <td>{r.durationMs === null ? <span className="muted">—</span> : formatLatency(r.durationMs)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
