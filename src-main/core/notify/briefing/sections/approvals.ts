import { ago, count, defineSection, line } from '../section-kit';

const shown = 5;

/** Requests waiting for the founder's decision, oldest first, each by what it is about and how long it has waited. */
export const approvalsSection = defineSection({ id: 'approvals', title: 'Approvals', area: 'approvals' }, (ctx) => {
  const pending = ctx.sources.pendingApprovals(1000).sort((a, b) => a.requestedAt - b.requestedAt);
  if (pending.length === 0) return { headline: 'no approvals waiting', lines: [] };
  const lines = pending.slice(0, shown).map((a) => line(`Class ${a.class}: ${a.subject.title} (waiting ${ago(ctx.now - a.requestedAt)})`, 'warning'));
  if (pending.length > shown) lines.push(line(`and ${pending.length - shown} more in Approvals`, 'warning'));
  return { headline: `${count(pending.length, 'approval')} waiting for you`, lines };
});
