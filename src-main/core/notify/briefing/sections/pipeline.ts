import { count, defineSection, line } from '../section-kit';

/** Leads and DFY requests from the site (the local copy of the shared Postgres): new in the last 24 h, open, and paid requests. */
export const pipelineSection = defineSection({ id: 'pipeline', title: 'Leads and DFY requests', area: 'revenue' }, (ctx) => {
  const p = ctx.sources.pipeline;
  const stats = p.stats();
  const status = p.status();
  if (stats.leads.total === 0 && stats.dfy.total === 0) {
    return { headline: status.configured ? 'no leads or DFY requests yet' : 'no leads or DFY requests: the shared Postgres is not set up', lines: status.lastError ? [line(`last sync failed: ${status.lastError}`, 'warning')] : [] };
  }
  const open = (s: typeof stats.leads, ends: string[]) => s.stages.filter((st) => !ends.includes(st.stage)).reduce((n, st) => n + st.count, 0);
  const newLeads = p.createdSince('lead', ctx.dayAgo, 1000);
  const newDfy = p.createdSince('dfy', ctx.dayAgo, 1000);
  const paid = stats.dfy.stages.find((s) => s.stage === 'paid')?.count ?? 0;
  const lines = [line(`${count(open(stats.leads, ['won', 'lost']), 'open lead')}, ${count(open(stats.dfy, ['delivered', 'cancelled']), 'open DFY request')} (${paid} paid, not started)`)];
  if (status.lastError) lines.push(line(`last sync failed: ${status.lastError}`, 'warning'));
  return { headline: `last 24 h: ${count(newLeads, 'new lead')}, ${count(newDfy, 'new DFY request')}`, lines };
});
