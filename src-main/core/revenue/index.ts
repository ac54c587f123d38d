/**
 * The revenue capability's public entry: what createCore and other capabilities may use. Each
 * part (the Stripe sync, the metrics, the pipeline) adds its service here.
 */
import { StripeSync, type StripeSyncDeps } from './sync/sync-service';
import type { BackgroundTask } from '../background';

export { StripeSync, type StripeSyncDeps };
export { modeOfKey, type StripeMode } from './stripe/mode';

export interface RevenueDeps {
  stripe: StripeSyncDeps;
}

/** Revenue: Stripe billing synced offline (`stripe`); its other parts join here. */
export class RevenueService {
  readonly stripe: StripeSync;

  constructor(deps: RevenueDeps) {
    this.stripe = new StripeSync(deps.stripe);
  }

  backgroundTasks(): BackgroundTask[] {
    return [this.stripe.backgroundTask()];
  }
}
