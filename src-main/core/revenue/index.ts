/**
 * The revenue capability's public entry: what createCore and other capabilities may use. Each
 * part (the Stripe sync, the metrics, the pipeline, the DFY packages) adds its service here.
 */
import { StripeSync, type StripeSyncDeps } from './sync/sync-service';
import { PackageService } from './packages';
import { connectStripe } from './stripe/connection';
import type { BackgroundTask } from '../background';
import type { LaunchStage } from '../../../shared/stage';
import type { PackageRemote } from './packages/publish-remote';
import type { PaymentLinkPort } from '../payment-link-port';

export { StripeSync, type StripeSyncDeps };
export { PackageService, packageApprovalKind, type PackageApprovalPort } from './packages';
export { modeOfKey, type StripeMode } from './stripe/mode';

export interface RevenueDeps {
  stripe: StripeSyncDeps;
  stage: () => LaunchStage;
  /** The shared Postgres the DFY packages are written to for the companion site. */
  remote: PackageRemote;
}

/** Revenue: Stripe billing synced offline (`stripe`), DFY packages on sale (`packages`); its other parts join here. */
export class RevenueService {
  readonly stripe: StripeSync;
  readonly packages: PackageService;

  constructor(deps: RevenueDeps) {
    this.stripe = new StripeSync(deps.stripe);
    const { db, clock, log, secrets, settings, retry, timer } = deps.stripe;
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

  backgroundTasks(): BackgroundTask[] {
    return [this.stripe.backgroundTask(), this.packages.backgroundTask()];
  }
}

/**
 * The payment-link port for the workflow engine, which createCore makes before revenue: each
 * call reaches the revenue service made afterwards.
 */
export function lazyPaymentLinks(revenue: () => RevenueService): PaymentLinkPort {
  return {
    preview: (r) => revenue().packages.paymentLinks().preview(r),
    create: (r, key, signal) => revenue().packages.paymentLinks().create(r, key, signal),
  };
}
