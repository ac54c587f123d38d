import { stageModels } from '../../../shared/pipeline-stages';
import type { Db } from '../db/open';
import type { FailedPayments, RevenueFacts } from '../revenue-port';
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

/** What Guardian reads of revenue, from the local tables. */
export function revenueFacts(db: Db, secrets: Pick<SecretStore, 'reveal'>, webhooks: WebhookCounts): RevenueFacts {
  return {
    stripeConfigured: () => secrets.reveal('stripe.secretKey') !== undefined,
    mode: () => storedKeyMode(secrets),
    failedPayments: (sinceMs) => failedPayments(db, sinceMs),
    webhookDeliveries: (sinceMs) => webhooks.since(sinceMs),
    openDfyRequests: () => db.prepare(openDfy).pluck().get() as number,
  };
}
