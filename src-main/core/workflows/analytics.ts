import { withStatements } from '../db/with-statements';
import type { WorkflowStats } from '../../../shared/contract/workflows';
import { dailySeries, quarterHourMs } from './daily';

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const sql = {
  counts: `SELECT status, COUNT(*) AS n FROM runs WHERE workflow_id = ? AND created_at >= ? AND created_at < ? GROUP BY status`,
  durations: `SELECT finished_at - started_at AS ms FROM runs WHERE workflow_id = ? AND created_at >= ? AND created_at < ?
    AND status IN ('succeeded', 'failed') AND started_at IS NOT NULL AND finished_at IS NOT NULL ORDER BY ms`,
  failures: `SELECT COALESCE(json_extract(error, '$.code'), 'FAILED') AS code, COALESCE(json_extract(error, '$.nodeId'), '') AS node,
    COALESCE(json_extract(error, '$.message'), '') AS message, COUNT(*) AS n
    FROM runs WHERE workflow_id = ? AND created_at >= ? AND created_at < ? AND status = 'failed'
    GROUP BY code, node, message ORDER BY n DESC, code LIMIT 50`,
  buckets: `SELECT created_at / ${quarterHourMs} AS bucket, status, COUNT(*) AS n FROM runs
    WHERE workflow_id = ? AND created_at >= ? AND created_at < ? GROUP BY bucket, status`,
  rates: `SELECT workflow_id AS id, SUM(status = 'succeeded') AS ok, COUNT(*) AS n FROM runs
    WHERE created_at >= ? AND workflow_id IS NOT NULL AND status IN ('succeeded', 'failed', 'cancelled') GROUP BY workflow_id`,
  rate: `SELECT SUM(status = 'succeeded') AS ok, COUNT(*) AS n FROM runs
    WHERE workflow_id = ? AND created_at >= ? AND status IN ('succeeded', 'failed', 'cancelled')`,
  approvals: `SELECT COUNT(*) AS n, AVG(a.decided_at - a.requested_at) AS mean FROM approvals a
    WHERE a.workflow_id = ? AND a.requested_at >= ? AND a.requested_at < ? AND a.status IN ('approved', 'rejected') AND a.decided_at IS NOT NULL`,
};

/** Per-workflow numbers over [from, to): runs by status, duration percentiles, failures, approval wait. */
export class WorkflowAnalytics extends withStatements(sql) {

  /** Succeeded / finished runs created since `since`, per workflow (absent: none finished); rejected runs count on neither side. */
  successRates(since: number): Map<string, number> {
    return new Map((this.s.rates.all(since) as { id: string; ok: number; n: number }[]).map((r) => [r.id, r.ok / r.n]));
  }

  successRate(workflowId: string, since: number): number | null {
    const r = this.s.rate.get(workflowId, since) as { ok: number | null; n: number };
    return r.n === 0 ? null : (r.ok ?? 0) / r.n;
  }

  stats(workflowId: string, from: number, to: number, timezone = 'UTC'): WorkflowStats {
    const daily = dailySeries(this.s.buckets.all(workflowId, from, to) as { bucket: number; status: string; n: number }[], from, to, timezone);
    const counts = new Map((this.s.counts.all(workflowId, from, to) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const succeeded = counts.get('succeeded') ?? 0;
    const failed = counts.get('failed') ?? 0;
    const rejected = counts.get('rejected') ?? 0;
    const cancelled = counts.get('cancelled') ?? 0;
    const finished = succeeded + failed + rejected + cancelled;
    // a rejected run ended as the founder decided: neither a success nor a failure of the workflow
    const judged = finished - rejected;
    const durations = (this.s.durations.all(workflowId, from, to) as { ms: number }[]).map((r) => r.ms);
    const reasons = new Map<string, number>();
    for (const f of this.s.failures.all(workflowId, from, to) as { code: string; node: string; message: string; n: number }[]) {
      // numbers and ids vary between runs of the same failure: fold them together
      const message = f.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '<id>').replace(/\d+/g, '<n>');
      const key = `${f.code}${f.node ? ` at ${f.node}` : ''}: ${message}`.slice(0, 300);
      reasons.set(key, (reasons.get(key) ?? 0) + f.n);
    }
    const top = [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    const approvals = this.s.approvals.get(workflowId, from, to) as { n: number; mean: number | null };
    return {
      workflowId,
      from,
      to,
      runs: total,
      finished,
      succeeded,
      failed,
      rejected,
      cancelled,
      successRate: judged === 0 ? null : succeeded / judged,
      p50DurationMs: percentile(durations, 50),
      p95DurationMs: percentile(durations, 95),
      topFailureReasons: top.map(([reason, count]) => ({ reason, count })),
      meanApprovalWaitMs: approvals.n === 0 || approvals.mean === null ? null : Math.round(approvals.mean),
      approvalsDecided: approvals.n,
      daily,
      timezone,
    };
  }
}
