import type { BackupOperation } from '../../../../../shared/contract/backup';
import { ago, count, defineSection, line, type SectionContext } from '../section-kit';

/** A plan's history is read this far back for its last success and the day's failures. */
const historyDepth = 200;

function planLine(ctx: SectionContext, plan: string, history: BackupOperation[]) {
  const lastOk = history.find((o) => o.kind === 'backup' && o.status === 'succeeded');
  if (lastOk) return line(`${plan}: last backup ${ctx.local(lastOk.finishedAt ?? lastOk.startedAt)} (${ago(ctx.now - (lastOk.finishedAt ?? lastOk.startedAt))} ago)`);
  return line(history.length < historyDepth ? `${plan}: no successful backup yet` : `${plan}: no successful backup in its last ${historyDepth} operations`, 'warning');
}

/** Backup plans: each one's last success, failures in the last 24 h, stale plans and failed checks. */
export const backupsSection = defineSection({ id: 'backups', title: 'Backups', area: 'backups' }, (ctx) => {
  const b = ctx.sources.backups;
  const plans = b.plans();
  if (plans.length === 0) return { headline: 'no backup plans yet', lines: [] };
  const lines = [];
  let failures = 0;
  for (const p of plans) {
    const history = b.history(p.name, historyDepth);
    lines.push(planLine(ctx, p.name, history));
    const failed = history.filter((o) => o.kind === 'backup' && o.status === 'failed' && o.startedAt >= ctx.dayAgo);
    failures += failed.length;
    if (failed.length > 0) lines.push(line(`${p.name}: ${count(failed.length, 'backup')} failed in the last 24 h: ${failed[0]!.error ?? 'no error text'}`, 'critical'));
  }
  const stale = b.stalePlans(ctx.now);
  for (const s of stale) lines.push(line(`${s.plan} is stale: its last successful backup is ${ago(s.ageMs)} old`, 'warning'));
  for (const c of b.failedChecks()) lines.push(line(`${c.plan}: the last repository check failed${c.operation.error ? `: ${c.operation.error}` : ''}`, 'critical'));
  return { headline: `${count(plans.length, 'plan')}: ${count(failures, 'failure')} in the last 24 h, ${stale.length} stale`, lines };
});
