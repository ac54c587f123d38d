import type { Db } from '../../db/open';
import type { ListSource, Page } from './list-sources';
import { num, type StripeJson } from './json';
import { churnNotice, type Notice } from './notices';
import { dataOf, objectRows, type ObjectRows } from './object-rows';
import type { ObjectStore } from './object-store';
import type { SubscriptionVersions } from './subscription-versions';
import type { SyncState } from './sync-state';

/** One page of a full pass's list, as fetched: stored with the cursor after it. */
export interface PageJob {
  kind: ListSource['kind'];
  page: Page;
  /** The lines of invoices beyond the 10 Stripe embeds, by invoice id (invoice-lines.ts). */
  moreLines: Map<string, StripeJson[]>;
  /** When the pass's lists were fetched (epoch seconds): the state_at of what it stores. */
  startedAt: number;
  /** The list's cursor once this page is stored: its last id, or `done`. */
  cursor: string;
}

/** A page worked out into rows. */
export interface PreparedPage extends Omit<PageJob, 'page' | 'moreLines'> {
  rows: ObjectRows[];
}

/** What storing a page writes through, on whichever connection stores it. */
export interface PageWriters {
  db: Db;
  store: ObjectStore;
  versions: SubscriptionVersions;
  state: SyncState;
}

export function preparePage({ page, moreLines, ...job }: PageJob): PreparedPage {
  return { ...job, rows: page.data.flatMap((o) => objectRows(o, job.startedAt, false, moreLines) ?? []) };
}

/**
 * Stores the pages and each one's cursor in one transaction (a kill loses them or keeps them with
 * their cursors); for each page, the notices to send once it is committed.
 */
export function storePages(w: PageWriters, pages: PreparedPage[]): Notice[][] {
  return w.db.transaction(() => pages.map((page) => storeOne(w, page)))();
}

function storeOne(w: PageWriters, page: PreparedPage): Notice[] {
  const notices: Notice[] = [];
  for (const rows of page.rows) {
    const change = w.store.write(rows);
    if (rows.object === 'subscription' && change.written) {
      const o = dataOf(rows);
      // the first state seen began at the subscription's start; a later different one, when fetched
      w.versions.record(o, w.versions.has(rows.id) ? page.startedAt : (num(o, 'start_date') ?? page.startedAt));
      const churn = churnNotice(o, change.previousStatus, page.startedAt);
      if (churn) notices.push(churn);
    }
  }
  w.state.set(`cursor:${page.kind}`, page.cursor);
  return notices;
}
