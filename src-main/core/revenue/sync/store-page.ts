import type { Db } from '../../db/open';
import type { ListSource } from './list-sources';
import { num, str, type StripeJson } from './json';
import { churnNotice, type Notice } from './notices';
import type { ObjectStore } from './object-store';
import type { SubscriptionVersions } from './subscription-versions';
import type { SyncState } from './sync-state';

/** One page of a full pass's list, as fetched: stored with the cursor after it. */
export interface PageJob {
  kind: ListSource['kind'];
  objects: StripeJson[];
  /** The lines of invoices beyond the 10 Stripe embeds, by invoice id (invoice-lines.ts). */
  moreLines: Map<string, StripeJson[]>;
  /** When the pass's lists were fetched (epoch seconds): the state_at of what it stores. */
  startedAt: number;
  /** The list's cursor once this page is stored: its last id, or `done`. */
  cursor: string;
}

/** What storing a page writes through, on whichever connection stores it. */
export interface PageWriters {
  db: Db;
  store: ObjectStore;
  versions: SubscriptionVersions;
  state: SyncState;
}

/** Stores the page and its cursor in one transaction (a kill loses the page or keeps both); the notices to send once it is committed. */
export function storePage(w: PageWriters, job: PageJob): Notice[] {
  const notices: Notice[] = [];
  w.db.transaction(() => {
    for (const o of job.objects) {
      const change = w.store.put(o, job.startedAt, false, job.moreLines);
      if (job.kind === 'subscriptions' && change.written) {
        // the first state seen began at the subscription's start; a later different one, when fetched
        w.versions.record(o, w.versions.has(str(o, 'id')!) ? job.startedAt : (num(o, 'start_date') ?? job.startedAt));
        const churn = churnNotice(o, change.previousStatus, job.startedAt);
        if (churn) notices.push(churn);
      }
    }
    w.state.set(`cursor:${job.kind}`, job.cursor);
  })();
  return notices;
}
