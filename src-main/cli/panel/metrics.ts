import { formatMinorUnits } from '../../../shared/money';
import type { CliContext } from '../command';
import { formatRows } from '../format';

const dayMs = 24 * 60 * 60 * 1000;
const pageSize = 500;

export type MetricsWindow = 'today' | 'week';

/** Today: since 00:00 UTC. Week: the last seven days up to now. */
export function metricsWindow(window: MetricsWindow, now: number): { from: number; to: number } {
  const from = window === 'today' ? now - (now % dayMs) : now - 7 * dayMs;
  return { from, to: now };
}

export interface PanelMetrics {
  window: MetricsWindow;
  from: string;
  to: string;
  runs: { total: number; succeeded: number; failed: number; inProgress: number };
  approvalsWaiting: number;
  newLeads: number;
  newDfyRequests: number;
  anomalies: number;
  revenue: { currency: string; month: string; mrr: number | null; netRevenue: number | null };
}

/** Runs created in the window, every page (runs.list pages back by `before`). */
async function runsIn(ctx: CliContext, from: number, to: number): Promise<PanelMetrics['runs']> {
  const counts = { total: 0, succeeded: 0, failed: 0, inProgress: 0 };
  let before: number | undefined;
  for (;;) {
    const { runs } = await ctx.call('runs.list', { from, to, limit: pageSize, ...(before === undefined ? {} : { before }) });
    for (const run of runs) {
      counts.total++;
      if (run.status === 'succeeded') counts.succeeded++;
      else if (run.status === 'failed') counts.failed++;
      else if (run.status === 'queued' || run.status === 'running' || run.status === 'waiting') counts.inProgress++;
    }
    if (runs.length < pageSize) return counts;
    before = runs[runs.length - 1]!.createdAt;
  }
}

/** Items of a newest-first list created since `from`, following its cursor while the page is still in the window. */
async function countSince(from: number, page: (cursor?: string) => Promise<{ items: Array<{ createdAt: number }>; nextCursor?: string }>): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const { items, nextCursor } = await page(cursor);
    const inWindow = items.filter((i) => i.createdAt >= from);
    count += inWindow.length;
    if (!nextCursor || inWindow.length < items.length) return count;
    cursor = nextCursor;
  }
}

/** The panel's figures for a window, each from one procedure of the contract. */
export async function panelMetrics(ctx: CliContext, window: MetricsWindow, now = Date.now()): Promise<PanelMetrics> {
  const { from, to } = metricsWindow(window, now);
  const cursorOf = (cursor?: string) => ({ limit: pageSize, ...(cursor ? { cursor } : {}) });
  const runs = await runsIn(ctx, from, to);
  const { approvals } = await ctx.call('approvals.list', { status: 'pending', limit: 500 });
  const newLeads = await countSince(from, async (c) => {
    const r = await ctx.call('revenue.leads', cursorOf(c));
    return { items: r.leads, ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) };
  });
  const newDfyRequests = await countSince(from, async (c) => {
    const r = await ctx.call('revenue.dfyRequests', cursorOf(c));
    return { items: r.requests, ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) };
  });
  const { anomalies } = await ctx.call('telemetry.anomalies', { since: from, until: to, limit: 1000 });
  const money = await ctx.call('revenue.metrics', {});
  return {
    window,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    runs,
    approvalsWaiting: approvals.length,
    newLeads,
    newDfyRequests,
    anomalies: anomalies.length,
    revenue: { currency: money.currency, month: money.month, mrr: money.kpis.mrr.value, netRevenue: money.kpis.netRevenue.value },
  };
}

export function showMetrics(m: PanelMetrics): string {
  const money = (v: number | null) => (v === null ? '— (no Stripe data synced)' : formatMinorUnits(v, m.revenue.currency));
  const title = m.window === 'today' ? 'Today' : 'The last 7 days';
  return [
    `${title} (${m.from} to ${m.to})`,
    formatRows([
      ['Runs', `${m.runs.total} (${m.runs.succeeded} succeeded, ${m.runs.failed} failed, ${m.runs.inProgress} in progress)`],
      ['Approvals waiting', String(m.approvalsWaiting)],
      ['New leads', String(m.newLeads)],
      ['New DFY requests', String(m.newDfyRequests)],
      ['Telemetry anomalies', String(m.anomalies)],
      [`MRR now`, money(m.revenue.mrr)],
      [`Net revenue ${m.revenue.month}`, money(m.revenue.netRevenue)],
    ]),
  ].join('\n');
}
