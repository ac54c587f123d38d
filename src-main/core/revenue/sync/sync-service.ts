import type { EventPayload } from '../../../../shared/contract';
import type { StripeSyncProgress, StripeSyncStatus, StripeWebhookAnswer } from '../../../../shared/contract/revenue-sync';
import type { BackgroundTask } from '../../background';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import type { ErasedSubjects } from '../../erased-subjects-port';
import type { EventBus } from '../../event-bus';
import type { Logger } from '../../logger';
import { every } from '../../periodic';
import type { RetryPolicy } from '../../retry';
import type { SecretStore } from '../../secrets';
import type { SettingsService } from '../../settings';
import type { Timer } from '../../timer';
import { connectStripe, storedKeyMode } from '../stripe/connection';
import { stripeFailure } from '../stripe/failure';
import type { StripeRetryOptions } from '../stripe/retry';
import { verifyWebhook } from '../stripe/webhook';
import { EventApplier } from './apply-event';
import { StripeEventObjects } from './event-objects';
import { eventsKeptSeconds, eventsPass } from './events-pass';
import { fullPass } from './full-pass';
import { obj } from './json';
import type { Notice } from './notices';
import { ObjectStore } from './object-store';
import type { PassContext } from './pass-context';
import { paymentFailuresSince } from './payment-failures';
import { SubscriptionVersions } from './subscription-versions';
import { WebhookCounts } from './webhook-counts';
import { WebhookLines } from './webhook-lines';
import { SyncState, type FullPassMark, type LastPass } from './sync-state';

export interface StripeSyncDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  log: Logger;
  secrets: SecretStore;
  settings: SettingsService;
  timer?: Timer;
  /** How a failing Stripe call is tried again (tests use short waits). */
  retry?: RetryPolicy;
}

/**
 * Stripe into the local tables: a full pass the first time (or when asked, or when the last event
 * seen is older than Stripe keeps events), otherwise the events since; one pass at a time; the
 * last success and error kept for the status. Webhooks go through the same event applier.
 */
export class StripeSync {
  private readonly state: SyncState;
  private readonly store: ObjectStore;
  private readonly versions: SubscriptionVersions;
  private readonly applier: EventApplier;
  private readonly webhookLines: WebhookLines;
  readonly webhookCounts: WebhookCounts;
  /** For the engine: a `stripe.event` trigger's payload with the whole Stripe object. */
  readonly eventObjects: StripeEventObjects;
  private running: Promise<StripeSyncStatus> | undefined;
  private progress: StripeSyncProgress | null = null;

  constructor(private readonly deps: StripeSyncDeps) {
    this.state = new SyncState(deps.db);
    this.store = new ObjectStore(deps.db);
    this.versions = new SubscriptionVersions(deps.db);
    this.webhookCounts = new WebhookCounts(deps.db);
    this.eventObjects = new StripeEventObjects(deps.db);
    this.applier = new EventApplier(deps.db, this.store, this.versions, () => this.nowSeconds());
    this.webhookLines = new WebhookLines({ db: deps.db, store: this.store, log: deps.log, connect: () => connectStripe(deps.secrets, deps.settings).client, retry: () => this.retryOptions() });
  }

  status(): StripeSyncStatus {
    const last = this.state.json<LastPass>('lastPass');
    const through = this.state.number('eventsThrough');
    return {
      configured: this.deps.secrets.reveal('stripe.secretKey') !== undefined,
      mode: storedKeyMode(this.deps.secrets),
      modeSet: this.deps.settings.get('stripe.mode'),
      running: this.running !== undefined,
      progress: this.running ? this.progress : null,
      lastSuccessAt: this.state.number('lastSuccessAt') ?? null,
      lastAttemptAt: this.state.number('lastAttemptAt') ?? null,
      lastError: this.state.get('lastError') ?? null,
      lastPassFull: last?.full ?? null,
      lastPassReason: last?.reason ?? null,
      lastPassCounts: last?.counts ?? {},
      eventsThrough: through === undefined ? null : through * 1000,
    };
  }

  /** Runs a pass, or joins the one running. */
  sync(options: { full?: boolean | undefined } = {}): Promise<StripeSyncStatus> {
    this.running ??= this.pass(options.full === true)
      .finally(() => {
        this.running = undefined;
        this.progress = null;
        this.deps.events.emit('revenue.syncFinished', this.status());
      })
      .then(() => this.status());
    return this.running;
  }

  /** One webhook delivery: verified, then applied like an event of the incremental sync. */
  applyWebhook(payload: string, signature: string): StripeWebhookAnswer {
    let event;
    try {
      event = verifyWebhook(payload, signature, this.deps.secrets.reveal('stripe.webhookSecret'), this.deps.clock.now());
    } catch (err) {
      // counted for Guardian's signature-failure rate (a forged or misconfigured sender)
      this.webhookCounts.refused(this.deps.clock.now(), err instanceof Error ? err.message : String(err));
      throw err;
    }
    const outcome = this.deps.db.transaction(() => {
      this.store.loadErasures();
      this.webhookCounts.accepted(this.deps.clock.now());
      return this.applier.apply(event, 'webhook');
    })();
    this.announce(outcome.notices);
    if (outcome.applied) void this.webhookLines.fetchRest(obj(obj(event, 'data'), 'object'));
    return { received: true, eventId: String(event.id), applied: outcome.applied, duplicate: outcome.duplicate };
  }

  /** Consults the erasure ledger before storing anything: an erased person's objects are stored as their erasure left their rows. */
  consultErasures(source: ErasedSubjects): void {
    this.store.consultErasures(source);
  }

  /** The secret's "Test": the stored key, checked for its mode, lists one customer. */
  async testKey(): Promise<string> {
    const connection = connectStripe(this.deps.secrets, this.deps.settings);
    try {
      await connection.client.customers.list({ limit: 1 });
    } catch (err) {
      throw stripeFailure(err);
    }
    return `Stripe accepted this ${connection.mode}-mode key`;
  }

  /** The schedule: every stripe.syncEvery minutes while a key is stored; a failure waits for the next tick. */
  /** The failed payments of the events Stripe still keeps (30 days), for the alerts' catch-up at start. */
  recentPaymentFailures(): Array<EventPayload<'payment.failed'>> {
    return paymentFailuresSince(this.deps.db, this.nowSeconds() - eventsKeptSeconds);
  }

  backgroundTask(): BackgroundTask {
    const interval = () => (this.deps.secrets.reveal('stripe.secretKey') ? this.deps.settings.get('stripe.syncEvery') * 60_000 : 0);
    return every('revenue.stripeSync', interval, () => this.sync(), this.deps.log, 2_000);
  }

  private async pass(full: boolean): Promise<void> {
    const { state } = this;
    // a key missing or of the other mode is refused before anything is written
    const connection = connectStripe(this.deps.secrets, this.deps.settings);
    state.set('lastAttemptAt', this.deps.clock.now());
    try {
      const ctx: PassContext = {
        client: connection.client,
        db: this.deps.db,
        store: this.store,
        versions: this.versions,
        applier: this.applier,
        state,
        nowSeconds: () => this.nowSeconds(),
        retry: this.retryOptions(),
        progress: (p) => {
          this.progress = p;
          this.deps.events.emit('revenue.syncProgress', p);
        },
        notify: (notices) => this.announce(notices),
      };
      const since = state.number('eventsThrough');
      const modeBefore = state.get('mode');
      const fullReason = state.json<FullPassMark>('full')
        ? `resuming the full sync that was interrupted (${state.json<FullPassMark>('full')!.reason})`
        : full
          ? 'asked for a full sync'
          : since === undefined
            ? 'first sync'
            : modeBefore !== undefined && modeBefore !== connection.mode
              ? `the mode changed from ${modeBefore} to ${connection.mode}`
              : since < this.nowSeconds() - eventsKeptSeconds
                ? 'the last sync is older than the 30 days of events Stripe keeps'
                : undefined;
      let last: LastPass;
      if (fullReason !== undefined) {
        last = { full: true, reason: fullReason, counts: (await fullPass(ctx, fullReason)).counts };
      } else {
        last = { full: false, reason: 'events since the last one seen', counts: await eventsPass(ctx, since!) };
      }
      state.set('mode', connection.mode);
      state.set('lastPass', JSON.stringify(last));
      state.set('lastSuccessAt', this.deps.clock.now());
      state.clear('lastError');
    } catch (raw) {
      const err = stripeFailure(raw);
      state.set('lastError', err.message);
      this.deps.log.warn({ err: err.message }, 'stripe sync failed');
      throw err;
    }
  }

  private retryOptions(): StripeRetryOptions {
    return {
      ...(this.deps.retry ? { policy: this.deps.retry } : {}),
      ...(this.deps.timer ? { timer: this.deps.timer } : {}),
      onRetry: (err, attempt, delayMs) => this.deps.log.info({ attempt, delayMs, err: err instanceof Error ? err.message : String(err) }, 'stripe call retried'),
    };
  }

  private announce(notices: Notice[]): void {
    for (const n of notices) {
      if (n.name === 'subscription.churned') this.deps.events.emit('subscription.churned', n.payload);
      else if (n.name === 'payment.failed') this.deps.events.emit('payment.failed', n.payload);
      else this.eventObjects.during(n.payload.eventId, n.object, () => this.deps.events.emit('stripe.event', n.payload));
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.deps.clock.now() / 1000);
  }
}
