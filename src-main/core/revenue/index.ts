/**
 * The revenue capability's public entry: what createCore and other capabilities may use. Each
 * part (the Stripe sync, the metrics, the pipeline) adds its service here.
 */
import { RevenueReports } from './reports/revenue-reports';
import { StripeSync, type StripeSyncDeps } from './sync/sync-service';
import type { BackgroundTask } from '../background';

export { StripeSync, type StripeSyncDeps };
export { modeOfKey, type StripeMode } from './stripe/mode';

export interface RevenueDeps {
  stripe: StripeSyncDeps;
}

/** Revenue: Stripe billing synced offline (`stripe`), its figures from the synced tables (`reports`); its other parts join here. */
export class RevenueService {
  readonly stripe: StripeSync;
  readonly reports: RevenueReports;

  constructor(deps: RevenueDeps) {
    this.stripe = new StripeSync(deps.stripe);
    const { db, clock, settings } = deps.stripe;
    this.reports = new RevenueReports({ db, clock, settings });
  }

  backgroundTasks(): BackgroundTask[] {
    return [this.stripe.backgroundTask()];
  }
}
