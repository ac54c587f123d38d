import type { Stripe } from '../stripe/client';
import { withStripeRetry, type StripeRetryOptions } from '../stripe/retry';
import { createdPrice, createdProduct, type FormParams, type PlannedCall } from './stripe-plan';

/** What the calls made: the ids a package row names afterwards. */
export interface PlanResult {
  productId?: string;
  priceId?: string;
  linkId?: string;
  linkUrl?: string;
  /** The calls that went through, in words, for the outcome. */
  done: string[];
}

/** Every approval's n-th call has its own key, so a retried approval never creates twice. */
export const idempotencyKeyFor = (approvalId: string, index: number) => `levqor-package-${approvalId}-${index}`;

/** The key of a plan's n-th call. */
export type CallKey = (index: number) => string;

function fill(params: FormParams, made: PlanResult): FormParams {
  const swap = (v: FormParams[string]): FormParams[string] => {
    if (v === createdProduct) return made.productId ?? v;
    if (v === createdPrice) return made.priceId ?? v;
    if (Array.isArray(v)) return v.map((x) => fill(x, made));
    return v !== null && typeof v === 'object' ? fill(v, made) : v;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, swap(v)]));
}

const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

async function send(client: Stripe, c: PlannedCall, params: FormParams, key: string): Promise<{ id: string; url?: string | null }> {
  const opts = { idempotencyKey: key };
  const p = params as never;
  switch (c.op) {
    case 'createProduct':
      return client.products.create(p, opts);
    case 'updateProduct':
    case 'archiveProduct':
      return client.products.update(idOf(c.path), p, opts);
    case 'createPrice':
      return client.prices.create(p, opts);
    case 'archivePrice':
      return client.prices.update(idOf(c.path), p, opts);
    case 'createLink':
      return client.paymentLinks.create(p, opts);
    case 'archiveLink':
      return client.paymentLinks.update(idOf(c.path), p, opts);
  }
}

/**
 * The plan's calls in order, each with its own key (derived from the approval or the step), ids made by one call
 * filled into the next. A failure throws after the calls before it went through (`partial`).
 */
export async function runPlan(client: Stripe, calls: PlannedCall[], keyOf: CallKey, retry: StripeRetryOptions): Promise<PlanResult> {
  const made: PlanResult = { done: [] };
  for (const [i, c] of calls.entries()) {
    let answer: { id: string; url?: string | null };
    try {
      answer = await withStripeRetry(() => send(client, c, fill(c.params, made), keyOf(i)), retry);
    } catch (err) {
      throw Object.assign(err instanceof Error ? err : new Error(String(err)), { partial: made });
    }
    if (c.op === 'createProduct') made.productId = answer.id;
    if (c.op === 'createPrice') made.priceId = answer.id;
    if (c.op === 'createLink') {
      made.linkId = answer.id;
      made.linkUrl = answer.url ?? '';
    }
    made.done.push(`${c.op} ${answer.id}`);
  }
  return made;
}
