import { stageModels } from '../../../shared/pipeline-stages';
import type { Db } from '../db/open';
import type { FailedPayments, RevenueFacts, SummaryMrr } from '../revenue-port';
import { CoreError } from '../errors';
import type { RevenueReports } from './reports/revenue-reports';
import type { SecretStore } from '../secrets';
import { storedKeyMode } from './stripe/connection';
import type { WebhookCounts } from './sync/webhook-counts';

const openDfy = `SELECT count(*) FROM pipeline_items WHERE kind = 'dfy' AND stage NOT IN (${stageModels.dfy.ends.map((s) => `'${s}'`).join(', ')})`;

/** Charges Stripe marked failed since a time (seconds in the table, ms here). */
function failedPayments(db: Db, sinceMs: number): FailedPayments {
  const rows = db
    .prepare("SELECT id, currency, amount, created FROM stripe_charges WHERE status = 'failed' AND deleted = 0 AND created >= ? ORDER BY created DESC, id DESC")
    .all(Math.floor(sinceMs / 1000)) as Array<{ id: string; currency: string | null; amount: number | null; created: number }>;
  const byCurrency: Record<string, number> = {};
  for (const r of rows) {
    const c = r.currency ?? '?';
    byCurrency[c] = (byCurrency[c] ?? 0) + (r.amount ?? 0);
  }
  return { count: rows.length, byCurrency, lastAt: rows[0] ? rows[0].created * 1000 : null, chargeIds: rows.slice(0, 5).map((r) => r.id) };
}

/**
 * This month's MRR from the synced tables. A founder without Stripe has none to show, and a
 * missing currency rate is said rather than summed wrongly (the metrics refuse to mix).
 */
function summaryMrr(reports: Pick<RevenueReports, 'metrics'>, configured: boolean): SummaryMrr | { note: string } {
  if (!configured) return { note: 'no Stripe secret key is set' };
  try {
    const { currency, kpis } = reports.metrics({});
    return { amountMinor: Math.round(kpis.mrr.value ?? 0), currency, change: kpis.mrr.change === null ? null : Math.round(kpis.mrr.change) };
  } catch (err) {
    if (err instanceof CoreError) return { note: `MRR cannot be given: ${err.message}` };
    throw err;
  }
}

/**
 * The summary is read every few seconds by an open Guardian page, and the metrics read every
 * synced invoice: the figure is kept until the data or the currency settings change, and at
 * most this long so webhooks' changes show.
 */
const mrrKeptMs = 30_000;

function keptMrr(compute: () => SummaryMrr | { note: string }, key: () => string, now: () => number): () => SummaryMrr | { note: string } {
  let kept: { key: string; at: number; value: SummaryMrr | { note: string } } | undefined;
  return () => {
    const k = key();
    if (kept && kept.key === k && now() - kept.at < mrrKeptMs) return kept.value;
    kept = { key: k, at: now(), value: compute() };
    return kept.value;
  };
}

/** What Guardian reads of revenue, from the local tables. */
export function revenueFacts(db: Db, secrets: Pick<SecretStore, 'reveal'>, webhooks: WebhookCounts, reports: Pick<RevenueReports, 'metrics'>, dataKey: () => string, now: () => number): RevenueFacts {
  const mrr = keptMrr(() => summaryMrr(reports, secrets.reveal('stripe.secretKey') !== undefined), dataKey, now);
  return {
    stripeConfigured: () => secrets.reveal('stripe.secretKey') !== undefined,
    mode: () => storedKeyMode(secrets),
    failedPayments: (sinceMs) => failedPayments(db, sinceMs),
    webhookDeliveries: (sinceMs) => webhooks.since(sinceMs),
    openDfyRequests: () => db.prepare(openDfy).pluck().get() as number,
    mrr,
  };
}
