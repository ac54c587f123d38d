import type { RevenueSummary } from '../../../shared/contract/guardian';
import type { RevenueFacts } from '../revenue-port';
import { failedPaymentsWindowMs, webhookWindowMs } from './revenue-findings';

/** Revenue for the executive summary: failed payments (7 days), open DFY requests, webhook refusals (24 h). */
export function revenueSummary(revenue: RevenueFacts | undefined, now: number): RevenueSummary | null {
  if (!revenue) return null;
  const failed = revenue.failedPayments(now - failedPaymentsWindowMs);
  const hooks = revenue.webhookDeliveries(now - webhookWindowMs);
  return {
    stripeConfigured: revenue.stripeConfigured(),
    mode: revenue.mode(),
    failedPayments7d: { count: failed.count, byCurrency: failed.byCurrency, lastAt: failed.lastAt },
    openDfyRequests: revenue.openDfyRequests(),
    webhooks24h: { accepted: hooks.accepted, refused: hooks.refused },
    ...mrrOrNote(revenue.mrr()),
  };
}

function mrrOrNote(mrr: ReturnType<RevenueFacts['mrr']>): Pick<RevenueSummary, 'mrr' | 'mrrNote'> {
  return 'note' in mrr ? { mrr: null, mrrNote: mrr.note } : { mrr, mrrNote: null };
}
