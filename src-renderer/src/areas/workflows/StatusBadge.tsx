import type { RunSummary } from '../../../../shared/contract/workflows';
import { toneClass } from '../../components/tone';
import { runStatusLabel, runStatusTone } from './format';

/** A run's status as a coloured label; `dryRun` adds a "dry run" mark beside it. */
export function StatusBadge({ status, dryRun }: { status: RunSummary['status']; dryRun?: boolean }) {
  return (
    <span className="wfx-status-wrap">
      <span className={`dot wfx-status ${toneClass(runStatusTone[status])}`} data-testid="run-status" data-status={status}>
        {runStatusLabel[status]}
      </span>
      {dryRun ? (
        <span className="pill pill--plain tone--plan wfx-dry" data-testid="dry-run-badge" title="Class B/C steps were recorded, not done">
          dry run
        </span>
      ) : null}
    </span>
  );
}
