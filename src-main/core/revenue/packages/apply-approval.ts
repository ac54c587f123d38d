import type { Approval } from '../../../../shared/contract/approvals';
import { formatMinorUnits } from '../../../../shared/money';
import type { SubjectOutcome } from '../../approvals';
import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import type { StripeConnection } from '../stripe/connection';
import { stripeFailure } from '../stripe/failure';
import type { StripeRetryOptions } from '../stripe/retry';
import type { PackageStore, StoredPackage } from './package-store';
import { idempotencyKeyFor, runPlan, type PlanResult } from './run-plan';
import type { PackagePlan } from './stripe-plan';

export interface ApplyDeps {
  store: PackageStore;
  clock: Clock;
  log: Logger;
  connect(): StripeConnection;
  retry: StripeRetryOptions;
}

const errText = (err: unknown) => stripeFailure(err).message;

/** The package row after the plan's calls went through. */
function afterPlan(plan: PackagePlan, before: StoredPackage | undefined, made: PlanResult, approvalId: string, now: number): StoredPackage {
  const f = plan.package;
  return {
    id: plan.packageId,
    name: f.name,
    tier: f.tier,
    priceMinor: f.priceMinor,
    currency: f.currency,
    description: f.description ?? null,
    status: plan.action === 'archive' ? 'archived' : 'active',
    stripeProductId: made.productId ?? before?.stripeProductId ?? '',
    stripePriceId: made.priceId ?? before?.stripePriceId ?? '',
    paymentLinkId: made.linkId ?? before?.paymentLinkId ?? '',
    paymentLinkUrl: made.linkUrl ?? before?.paymentLinkUrl ?? '',
    approvalId,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
}

function wordsFor(p: StoredPackage, action: PackagePlan['action']): string {
  const what = `${p.name} (${p.tier}, ${formatMinorUnits(p.priceMinor, p.currency)})`;
  if (action === 'archive') return `${what} is off sale: link ${p.paymentLinkId}, price ${p.stripePriceId} and product ${p.stripeProductId} deactivated`;
  return `${what} ${action === 'create' ? 'is on sale' : 'changed'}: product ${p.stripeProductId}, price ${p.stripePriceId}, payment link ${p.paymentLinkId} ${p.paymentLinkUrl}`;
}

/**
 * An approved package plan: its calls made with keys derived from the approval, then the row
 * written. A rejection or expiry changes nothing; a failure leaves the row as it was and says
 * which calls had gone through (approving the same approval again reuses them, never doubles).
 */
export async function applyPackageApproval(d: ApplyDeps, a: Approval): Promise<SubjectOutcome> {
  const plan = a.preview as PackagePlan;
  if (a.status !== 'approved') return { ok: true, result: 'none', message: `nothing created or changed in Stripe: approval ${a.status}` };
  const before = d.store.get(plan.packageId);
  if (plan.action !== 'create' && !before) return { ok: false, message: `nothing changed: the DFY package ${plan.packageId} is not stored here` };
  if (before && before.approvalId === a.id) return { ok: true, message: `already done: ${wordsFor(before, plan.action)}` };
  let made: PlanResult;
  try {
    made = await runPlan(d.connect().client, plan.calls, (i) => idempotencyKeyFor(a.id, i), d.retry);
  } catch (err) {
    const partial = (err as { partial?: PlanResult }).partial?.done ?? [];
    d.log.warn({ package: plan.packageId, err: errText(err) }, 'DFY package calls to Stripe failed');
    const kept = partial.length > 0 ? ` (${partial.join(', ')} went through first and stay in Stripe)` : '';
    return { ok: false, message: `the DFY package is as it was: ${errText(err)}${kept}` };
  }
  const after = afterPlan(plan, before, made, a.id, d.clock.now());
  d.store.save(after);
  return { ok: true, message: wordsFor(after, plan.action) };
}
