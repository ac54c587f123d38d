import type { Db } from '../../../src-main/core/db/open';
import type { RevenueInput } from '../../../src-main/core/revenue/metrics';
import { ObjectStore } from '../../../src-main/core/revenue/sync/object-store';
import { SubscriptionVersions } from '../../../src-main/core/revenue/sync/subscription-versions';
import type { StripeJson } from '../../../src-main/core/revenue/sync/json';

/**
 * The bench dataset stored the way the sync stores Stripe's objects (ObjectStore, subscription
 * versions), in one transaction: what `revenue.metrics` then reads from the local tables.
 */
export function storeRevenueData(db: Db, input: RevenueInput): void {
  const store = new ObjectStore(db);
  const versions = new SubscriptionVersions(db);
  const put = (object: string, list: ReadonlyArray<object>) => {
    for (const o of list) {
      const json = { object, ...o } as StripeJson;
      store.put(json, typeof json.created === 'number' ? json.created : 0);
    }
  };
  db.transaction(() => {
    for (const v of input.subscriptionVersions) {
      const sub = { object: 'subscription', ...v.data } as unknown as StripeJson;
      versions.record(sub, v.valid_from);
      store.put(sub, v.valid_from);
    }
    put('invoice', input.invoices);
    put('charge', input.charges);
    put('refund', input.refunds);
    put('balance_transaction', input.balanceTransactions);
  })();
}
