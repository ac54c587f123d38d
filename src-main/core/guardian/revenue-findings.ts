import type { HealthScore } from '../../../shared/contract/guardian';
import { formatMinorUnits } from '../../../shared/money';
import type { RevenueFacts } from '../revenue-port';
import type { Finding } from './score';

const dayMs = 24 * 3_600_000;

/** Failed payments count over this window. */
export const failedPaymentsWindowMs = 7 * dayMs;
/** Webhook refusals count over this window. */
export const webhookWindowMs = dayMs;
/** A signature-failure rate at or above this, with at least `minRefused` refusals, is a finding. */
export const webhookFailureRate = 0.1;
export const minRefused = 3;

/**
 * Revenue's findings: Stripe charges that failed in the last 7 days (failed_payments, each a
 * customer who did not pay), and webhook deliveries refused for their signature at a rate of
 * 10% or more in 24 h (webhook_failures: a wrong stripe.webhookSecret, or someone forging).
 */
export function revenueFindings(revenue: RevenueFacts | undefined, now: number): { findings: Finding[]; notAssessed: HealthScore['notAssessed'] } {
  if (!revenue) return { findings: [], notAssessed: [{ kind: 'failed_payments', reason: 'revenue is not available' }] };
  const findings: Finding[] = [];
  const failed = revenue.failedPayments(now - failedPaymentsWindowMs);
  if (failed.count > 0) {
    const amounts = Object.entries(failed.byCurrency).map(([c, minor]) => formatMinorUnits(minor, c)).join(' + ');
    findings.push({
      kind: 'failed_payments',
      subject: 'stripe',
      cause: `${failed.count} Stripe payment${failed.count === 1 ? '' : 's'} failed in the last 7 days (${amounts})`,
      evidence: `charges ${failed.chargeIds.join(', ')}${failed.count > failed.chargeIds.length ? ` and ${failed.count - failed.chargeIds.length} more` : ''}`,
      ...(failed.lastAt !== null ? { evidenceTime: { label: 'last failure', at: failed.lastAt } } : {}),
      weight: 5 * failed.count,
    });
  }
  const hooks = revenue.webhookDeliveries(now - webhookWindowMs);
  const total = hooks.accepted + hooks.refused;
  if (hooks.refused >= minRefused && hooks.refused / total >= webhookFailureRate) {
    findings.push({
      kind: 'webhook_failures',
      subject: 'POST /webhooks/stripe',
      cause: `${Math.round((hooks.refused / total) * 100)}% of Stripe webhook deliveries were refused in 24 h (${hooks.refused} of ${total})`,
      evidence: `last refusal: ${hooks.lastRefusal ?? 'unknown'}`,
      ...(hooks.lastRefusedAt !== null ? { evidenceTime: { label: 'last refused', at: hooks.lastRefusedAt } } : {}),
      weight: 10,
    });
  }
  const notAssessed: HealthScore['notAssessed'] = revenue.stripeConfigured() ? [] : [{ kind: 'failed_payments', reason: 'no Stripe secret key is set' }];
  return { findings, notAssessed };
}
