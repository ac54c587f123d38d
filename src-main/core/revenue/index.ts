/**
 * The revenue capability's public entry: what createCore and other capabilities may use. Each
 * part (the Stripe sync, the metrics, the pipeline, the DFY packages) adds its service here.
 */
import { RevenueReports } from './reports/revenue-reports';
import { StripeSync, type StripeSyncDeps } from './sync/sync-service';
import { PackageService } from './packages';
import { PipelineService } from './pipeline';
import { connectStripe } from './stripe/connection';
import type { BackgroundTask } from '../background';
import type { LaunchStage } from '../../../shared/stage';
import type { RemoteDb } from '../remote';
import type { PaymentLinkPort } from '../payment-link-port';
import type { RevenueFacts } from '../revenue-port';
import { revenueFacts } from './revenue-facts';
import type { CostRevenue } from '../cost-revenue-port';
import { costRevenue } from './cost-revenue';

export { StripeSync, type StripeSyncDeps };
export { PackageService, packageApprovalKind, type PackageApprovalPort } from './packages';
export { modeOfKey, type StripeMode } from './stripe/mode';
export { connectStripe } from './stripe/connection';

export interface RevenueDeps {
  stripe: StripeSyncDeps;
  stage: () => LaunchStage;
  /** The shared Postgres: the pipeline's leads and DFY requests, the DFY packages written for the companion site. */
  remote: RemoteDb;
}

/** Revenue: Stripe billing synced offline (`stripe`), its figures from the synced tables (`reports`), the leads/DFY pipeline (`pipeline`), DFY packages on sale (`packages`); its other parts join here. */
export class RevenueService {
  readonly stripe: StripeSync;
  readonly reports: RevenueReports;
  readonly pipeline: PipelineService;
  readonly packages: PackageService;

  constructor(private readonly deps: RevenueDeps) {
    this.stripe = new StripeSync(deps.stripe);
    const { db, clock, log, events, secrets, settings, retry, timer } = deps.stripe;
    this.reports = new RevenueReports({ db, clock, settings });
    this.pipeline = new PipelineService({ db, remote: deps.remote, clock, log, events });
    this.packages = new PackageService({
      db,
      clock,
      log,
      stage: deps.stage,
      connect: () => connectStripe(secrets, settings),
      retry: { ...(retry ? { policy: retry } : {}), ...(timer ? { timer } : {}) },
      remote: deps.remote,
    });
  }

  /** What Guardian reads: failed payments, webhook refusals, open DFY requests (local tables, offline too). */
  facts(): RevenueFacts {
    const { db, secrets, settings, clock } = this.deps.stripe;
    // what the MRR depends on besides the clock: the last sync, whether a key is set, the report currency and its rates
    const dataKey = () => {
      const { lastSuccessAt, configured } = this.stripe.status();
      return JSON.stringify([lastSuccessAt, configured, settings.get('revenue.currency'), settings.get('revenue.rates')]);
    };
    return revenueFacts(db, secrets, this.stripe.webhookCounts, this.reports, dataKey, () => clock.now());
  }

  /** What the cost autopilot reads: the report currency and its rates, each month's revenue and Stripe fees. */
  costRevenue(): CostRevenue {
    const { settings, secrets } = this.deps.stripe;
    return costRevenue(this.reports, settings, () => secrets.reveal('stripe.secretKey') !== undefined);
  }

  /** The Stripe sync's and the packages' tasks (the pipeline's is `pipeline.backgroundTask()`, registered earlier by createCore). */
  backgroundTasks(): BackgroundTask[] {
    return [this.stripe.backgroundTask(), this.packages.backgroundTask()];
  }
}

