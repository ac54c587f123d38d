import type { Db } from '../../db/open';
import type { StripeSyncProgress } from '../../../../shared/contract/revenue-sync';
import type { Stripe } from '../stripe/client';
import type { StripeRetryOptions } from '../stripe/retry';
import type { EventApplier } from './apply-event';
import type { Notice } from './notices';
import type { ObjectStore } from './object-store';
import type { SubscriptionVersions } from './subscription-versions';
import type { SyncState } from './sync-state';

/** What one sync pass works with. */
export interface PassContext {
  client: Stripe;
  db: Db;
  store: ObjectStore;
  versions: SubscriptionVersions;
  applier: EventApplier;
  state: SyncState;
  nowSeconds(): number;
  retry: StripeRetryOptions;
  progress(p: StripeSyncProgress): void;
  /** Called after each committed page with what it means for the rest of the app. */
  notify(notices: Notice[]): void;
}

export const pageSize = 100;
