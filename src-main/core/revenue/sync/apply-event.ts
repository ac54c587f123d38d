import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { num, obj, str, type StripeJson } from './json';
import { churnNotice, paymentFailedNotice, stripeEventNotice, type Notice } from './notices';
import type { ObjectStore } from './object-store';
import type { SubscriptionVersions } from './subscription-versions';

export interface EventOutcome {
  duplicate: boolean;
  /** Whether the event's object changed what is stored (false when a newer state was there). */
  applied: boolean;
  notices: Notice[];
}

/** Deleted objects whose row stays, marked deleted (a subscription's `.deleted` is a cancellation, its status says so). */
const deletions = /^(customer|product|price|coupon|customer\.discount|invoice)\.deleted$/;

/**
 * One Stripe event applied, the same for the incremental sync and webhooks: once per event id,
 * and an older event never overwrites a newer stored state (its `created` against state_at).
 * Run inside the caller's transaction; the notices are for after the commit.
 */
export class EventApplier {
  private readonly seen: Database.Statement;
  private readonly mark: Database.Statement;

  constructor(
    db: Db,
    private readonly store: ObjectStore,
    private readonly versions: SubscriptionVersions,
    private readonly nowSeconds: () => number,
  ) {
    this.seen = db.prepare('SELECT 1 FROM stripe_events WHERE id = ?').pluck();
    this.mark = db.prepare('INSERT INTO stripe_events (id, type, created, livemode, applied_at, via, object_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /** `moreLines`: lines beyond the 10 Stripe embeds, of the invoices among these events (invoice-lines.ts). */
  apply(sent: StripeJson, via: 'sync' | 'webhook', moreLines?: ReadonlyMap<string, StripeJson[]>): EventOutcome {
    const id = str(sent, 'id')!;
    if (this.seen.get(id)) return { duplicate: true, applied: false, notices: [] };
    // an erased person's event is anonymised whole: what is stored, and the notices sent on
    const owner = this.store.erasedOwner(obj(obj(sent, 'data'), 'object'));
    const event = owner ? owner.anonymise(sent) : sent;
    const type = str(event, 'type') ?? '';
    const created = num(event, 'created') ?? this.nowSeconds();
    const object = obj(obj(event, 'data'), 'object');
    const notices: Notice[] = [];
    let applied = false;
    if (this.store.keeps(str(object, 'object') ?? '')) {
      const change = this.store.put(object, created, deletions.test(type), moreLines, undefined, owner ?? null);
      applied = change.written;
      if (str(object, 'object') === 'subscription') {
        this.versions.record(object, created);
        const churn = applied ? churnNotice(object, change.previousStatus ?? (type === 'customer.subscription.deleted' ? null : undefined), created) : undefined;
        if (churn) notices.push(churn);
      }
    }
    const failed = paymentFailedNotice(event);
    if (failed) notices.push(failed);
    notices.push(stripeEventNotice(event, via, applied));
    this.mark.run(id, type, created, event.livemode === true ? 1 : 0, this.nowSeconds(), via, str(object, 'id') ?? null);
    return { duplicate: false, applied, notices };
  }
}
