import type { StripeSyncKind } from '../../../../shared/contract/revenue-sync';
import type { Stripe } from '../stripe/client';
import type { StripeJson } from './json';

export interface Page {
  data: StripeJson[];
  has_more: boolean;
}

export interface PageParams {
  limit: number;
  starting_after?: string;
  created?: { gte: number };
}

/** One list a full pass pages through (newest first, as Stripe lists). */
export interface ListSource {
  kind: Exclude<StripeSyncKind, 'events'>;
  list(client: Stripe, params: PageParams): Promise<Page>;
}

const page = (p: Promise<{ data: unknown[]; has_more: boolean }>): Promise<Page> => p as Promise<Page>;
// discounts come expanded so their coupon and dates are kept beside the subscription or invoice
const withDiscounts = ['data.discounts'];

/** Referenced objects before those that refer to them, so a resumed pass never stores a dangling reference first. */
export const listSources: readonly ListSource[] = [
  { kind: 'products', list: (c, p) => page(c.products.list(p)) },
  { kind: 'prices', list: (c, p) => page(c.prices.list(p)) },
  { kind: 'coupons', list: (c, p) => page(c.coupons.list(p)) },
  { kind: 'customers', list: (c, p) => page(c.customers.list(p)) },
  { kind: 'subscriptions', list: (c, p) => page(c.subscriptions.list({ ...p, status: 'all', expand: withDiscounts })) },
  { kind: 'invoices', list: (c, p) => page(c.invoices.list({ ...p, expand: withDiscounts })) },
  { kind: 'charges', list: (c, p) => page(c.charges.list(p)) },
  { kind: 'refunds', list: (c, p) => page(c.refunds.list(p)) },
  { kind: 'balance_transactions', list: (c, p) => page(c.balanceTransactions.list(p)) },
  { kind: 'payment_links', list: (c, p) => page(c.paymentLinks.list(p)) },
  { kind: 'checkout_sessions', list: (c, p) => page(c.checkout.sessions.list(p)) },
];

/** Balance transactions have no events: an incremental pass lists those created since the newest stored. */
export const balanceTransactions = listSources.find((s) => s.kind === 'balance_transactions')!;

export const eventsPage = (client: Stripe, params: PageParams): Promise<Page> => page(client.events.list(params));
