import type { EventName, EventPayload } from '../../../shared/contract';
import type { NotifyRule } from '../../../shared/contract/notify-rules';
import type { ChannelStatus, ChannelTest, DeliveryAttempt, Notice, NotifyStatus, OutboxRow, OutboxState } from '../../../shared/contract/notify';
import type { SecretName } from '../../../shared/secrets';
import type { SettingKey, SettingValue } from '../../../shared/settings';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { badInput, CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import { newOwnerId } from '../process-owner';
import type { Timer, TimerHandle } from '../timer';
import type { ChannelContext, ChannelDef, OsNotifier } from './channel';
import type { MessagePort } from '../message-port';
import { channelMessagePort } from './message-port';
import { sendTest, testNotice } from './channel-test';
import { channelById, channels, type ChannelId } from './channels';
import { deliverRow, type DeliverDeps } from './deliver-row';
import { DeliveryHistory } from './delivery-history';
import { planLane } from './lane-plan';
import { LaneRunner } from './lane-runner';
import { OutboxStore, type Folding, type LaneRow } from './outbox-store';
import { PacingStore } from './pacing-store';
import { higherSeverity, RuleBook, type RuleChange } from './rule-book';
import { matchesFilter } from './rule-filter';
import type { NoticeDraft, RuleDef } from './rules';
import type { WithheldPeople } from '../withheld-people-port';

export interface NotifyDeps {
  db: Db;
  clock: Clock;
  /** Arms the outbox's wake-ups; tests pass a ManualTimer. */
  timer: Timer;
  events: EventBus;
  log: Logger;
  secrets: { reveal(name: SecretName): string | undefined };
  settings: { get<K extends SettingKey>(key: K): SettingValue<K> };
  /** The desktop app's system notifications; absent under levqor serve and the CLI. */
  os?: OsNotifier;
  /** The rules' code table (default: rules.ts); tests give their own. */
  rules?: readonly RuleDef[];
  /** The backoff's jitter; tests may fix it. */
  random?: () => number;
  tuning?: NotifyTuning;
  /** Records each notice queued for channels outside this machine in the audit log (createCore connects it). */
  audit?: (sent: { key: string; area: string; channels: string[] }) => void;
}

/**
 * For the drain bench and fault tests only: providers' rates scaled down (0.01: Slack's one a
 * second becomes one every 10 ms) so 10,000 messages drain in minutes, and channels of their
 * own (a Telegram-like server) beside the app's list.
 */
export interface NotifyTuning {
  intervalScale?: number;
  extraChannels?: readonly ChannelDef[];
}

/** Rows are also looked for this often, so rows another process wrote (the CLI, notify.retry there) go out without a restart. */
const pollMs = 30_000;
/** A lane delivers at most this many rows in one pass before it yields (other work, a stop). */
const batchSize = 50;
/** Finished rows are kept this long for the outbox view, then forgotten. */
const keepMs = 30 * 24 * 60 * 60_000;
const pruneEveryMs = 60 * 60_000;
/** Repeats of one alert within this window go out as one message with a count. */
export const dedupeWindowMs = 10 * 60_000;
/** After the first alert of a group, the others within this window go out as one digest. */
export const groupWindowMs = 60_000;

/**
 * Notices for the founder: the rules turn events into notices, each notice is written to the
 * outbox once per channel, and one delivery loop per channel (lane-runner.ts) sends that
 * channel's rows in order, at its provider's rate, again with backoff after a failure that may
 * pass, and after a restart whatever was still pending.
 */
export class NotifyService {
  private readonly store: OutboxStore;
  private readonly rules: RuleBook;
  private readonly pacing: PacingStore;
  private readonly attempts: DeliveryHistory;
  private readonly owner = newOwnerId();
  private withheld: WithheldPeople | undefined;
  private readonly lanes = new Map<string, LaneRunner>();
  private running = false;
  private poll: TimerHandle | undefined;
  private prunedAt = Number.NEGATIVE_INFINITY;
  /** Where a browser opens the app (levqor serve sets it once it listens); links in messages lead there. */
  appUrl: string | undefined;

  constructor(private readonly d: NotifyDeps) {
    this.store = new OutboxStore(d.db);
    this.rules = new RuleBook(d.db, d.clock, d.rules);
    this.pacing = new PacingStore(d.db);
    this.attempts = new DeliveryHistory(d.db);
  }

  /** Listens to every event a rule follows (createCore does this once); returns how to stop. */
  followRules(): () => void {
    const offs = this.rules.events().map((name) => this.d.events.on(name, (payload) => this.hear(name, payload)));
    return () => {
      for (const off of offs) off();
    };
  }

  /**
   * The rules of `event` applied to one payload: each rule that is on, is about this payload
   * and whose filter it matches writes its notice to the outbox. Returns the rows made.
   */
  hear<E extends EventName>(event: E, payload: EventPayload<E>): number {
    return this.applyRules(event, payload, false);
  }

  /**
   * Payloads whose notice may have been lost (the process died after the state change and
   * before the outbox write): each one no outbox row names yet is heard now. Only payloads of
   * the last 30 days count, since finished rows are forgotten after that.
   */
  catchUp<E extends EventName>(event: E, payloads: ReadonlyArray<{ payload: EventPayload<E>; at: number }>): number {
    const since = this.d.clock.now() - keepMs;
    let made = 0;
    for (const { payload, at } of payloads) if (at >= since) made += this.applyRules(event, payload, true);
    return made;
  }

  rulesList(): NotifyRule[] {
    return this.rules.list();
  }

  setRule(change: RuleChange): NotifyRule {
    return this.rules.set(change);
  }

  /** People whose data must not leave the machine (CCPA "do not sell or share"): replaced in every notice from now on. */
  withhold(people: WithheldPeople): void {
    this.withheld = people;
  }

  resetRule(id: string): NotifyRule {
    return this.rules.reset(id);
  }

  /**
   * Writes the notice to the outbox for each channel (once per key and channel) and wakes the
   * delivery. Returns the rows made: 0 when every channel already had this key, or the notice
   * was a repeat counted on a row that waits.
   */
  send(draft: NoticeDraft, channels: readonly string[]): number {
    const now = this.d.clock.now();
    const notice: Notice = {
      id: uuidv7(now),
      title: this.withheld?.scrub(draft.title) ?? draft.title,
      body: this.withheld?.scrub(draft.body) ?? draft.body,
      area: draft.area,
      at: draft.at,
      ...(draft.severity ? { severity: draft.severity } : {}),
      ...(draft.approvalId ? { approvalId: draft.approvalId } : {}),
      ...(draft.briefing ? { briefing: draft.briefing } : {}),
    };
    const folding: Folding | undefined =
      draft.dedupe !== undefined ? { dedupe: draft.dedupe, windowMs: dedupeWindowMs } : draft.group !== undefined ? { group: draft.group, windowMs: groupWindowMs } : undefined;
    const made = this.store.enqueue(draft.key, notice, channels, now, folding);
    const outside = channels.filter((c) => c !== 'os');
    if (made > 0 && outside.length > 0) this.d.audit?.({ key: draft.key, area: draft.area, channels: outside });
    if (made > 0) for (const channel of channels) this.lane(channel)?.kick();
    return made;
  }

  private applyRules<E extends EventName>(event: E, payload: EventPayload<E>, onlyUnseen: boolean): number {
    let made = 0;
    for (const { def, settings } of this.rules.forEvent(event)) {
      try {
        if (!settings.enabled || (def.when && !def.when(payload)) || !matchesFilter(def, settings.filter, payload)) continue;
        const draft = def.notice(payload);
        if (onlyUnseen && this.store.hasKey(draft.key)) continue;
        made += this.send({ ...draft, severity: higherSeverity(settings.severity, draft.severity) }, settings.channels);
      } catch (err) {
        this.d.log.error({ event, rule: def.id, err: String(err) }, 'could not record a notice');
      }
    }
    return made;
  }

  outbox(query: { state?: OutboxState | undefined; limit: number }): OutboxRow[] {
    return this.store.list(query);
  }

  /** One row and every attempt at it. */
  history(id: string): { row: OutboxRow; attempts: DeliveryAttempt[] } {
    return { row: this.existing(id), attempts: this.attempts.of(id) };
  }

  /** A failed or skipped row goes out again, from its first attempt. */
  retry(id: string): OutboxRow {
    const row = this.existing(id);
    if (row.state === 'sent') throw new CoreError('CONFLICT', `id: outbox row ${id} was sent at ${new Date(row.sentAt ?? 0).toISOString()}; a sent notice is never sent again`, 'id');
    if (row.state === 'merged') throw new CoreError('CONFLICT', `id: outbox row ${id} went out inside row ${row.mergedInto ?? '?'}; retry that one`, 'id');
    if (!this.store.reopen(id, this.d.clock.now())) throw new CoreError('CONFLICT', `id: outbox row ${id} is already waiting to be delivered`, 'id');
    this.lane(row.channel)?.kick();
    return this.store.get(id)!;
  }

  /** Each channel: set up or why not, and how its latest outbox row ended. */
  channels(): ChannelStatus[] {
    return channels.map((channel) => {
      const ready = channel.configured(this.context({ id: 'status', channel: channel.id }, 0));
      const last = this.store.lastFinished(channel.id);
      return {
        id: channel.id,
        label: channel.label,
        configured: ready === true,
        reason: ready === true ? null : ready,
        lastDelivery: last ? { state: last.state, at: last.sentAt ?? last.createdAt, error: last.lastError } : null,
      };
    });
  }

  /** Sends a test notice through `channel` now, outside the outbox, and says what the provider answered. */
  async test(channel: string): Promise<ChannelTest> {
    const def = channelById(channel);
    if (!def) throw badInput('channel', `must be one of ${channels.map((c) => c.id).join(', ')} (there is no channel "${channel}")`);
    const id = uuidv7(this.d.clock.now());
    const result = await sendTest(def, testNotice(id, this.d.clock.now()), this.context({ id: `test-${id}`, channel: def.id }, 1), this.d.clock);
    this.d.log.info({ channel: def.id, outcome: result.outcome, err: result.error ?? undefined }, 'channel test sent by hand');
    return result;
  }

  /** Registers each channel's checks of its secrets as those secrets' Test (createCore calls this once). */
  registerSecretTests(secrets: { registerTest(name: SecretName, test: (signal: AbortSignal) => Promise<string>): void }): void {
    for (const channel of channels) {
      for (const check of channel.secretChecks ?? []) secrets.registerTest(check.secret, (signal) => check.check(this.context({ id: 'secret-test', channel: channel.id }, 0), signal));
    }
  }


  /** Holds every notice but critical ones for `minutes`; they go out when the pause ends. */
  pause(minutes: number): NotifyStatus {
    this.pacing.pause(this.d.clock.now() + minutes * 60_000);
    return this.status();
  }

  resume(): NotifyStatus {
    this.pacing.resume();
    for (const lane of this.lanes.values()) lane.kick();
    return this.status();
  }

  status(): NotifyStatus {
    return { pausedUntil: this.pacing.pausedUntil(this.d.clock.now()) ?? null };
  }

  /** Every channel's ready rows, one pass; returns how many were attempted. The lanes do this on their own once the background task runs. */
  async deliverDue(): Promise<number> {
    let attempted = 0;
    await Promise.all(this.store.pendingChannels().map((channel) => this.runLane(channel, () => attempted++)));
    return attempted;
  }

  /** Resolves once no channel's pass is under way (a send awaiting its provider's answer included). */
  async settled(): Promise<void> {
    for (;;) {
      const busy = [...this.lanes.values()].map((lane) => lane.busy).filter((p) => p !== undefined);
      if (busy.length === 0) return;
      await Promise.all(busy);
    }
  }

  backgroundTask(): BackgroundTask {
    return {
      name: 'notify.outbox',
      start: () => {
        this.running = true;
        this.armPoll(0);
        return async () => {
          this.running = false;
          this.poll?.cancel();
          this.poll = undefined;
          await Promise.all([...this.lanes.values()].map((lane) => lane.stop()));
          this.lanes.clear();
        };
      },
    };
  }

  private existing(id: string): OutboxRow {
    const row = this.store.get(id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no outbox row has id "${id}"`, 'id');
    return row;
  }

  /** One lane's pass: delivers its rows while they are ready; returns when the next one will be. */
  private async runLane(channel: string, attempted: () => void = () => undefined): Promise<number | undefined> {
    for (let i = 0; i < batchSize; i++) {
      const now = this.d.clock.now();
      const plan = planLane(channel, { store: this.store, pacing: this.pacing, quietHours: this.d.settings.get('notify.quietHours'), now });
      if (!plan) return undefined;
      if (plan.at > now) return plan.at;
      attempted();
      await deliverRow(this.deliverDeps(), plan);
      if (!this.store.isOpen) return undefined;
    }
    return this.d.clock.now();
  }

  private deliverDeps(): DeliverDeps {
    return {
      store: this.store,
      pacing: this.pacing,
      history: this.attempts,
      clock: this.d.clock,
      log: this.d.log,
      random: this.d.random ?? Math.random,
      owner: this.owner,
      giveUpAfterMs: this.d.settings.get('notify.giveUpAfter') * 3_600_000,
      context: (row, attempt) => this.context(row, attempt),
      channel: (id) => this.d.tuning?.extraChannels?.find((c) => c.id === id) ?? channelById(id),
      minIntervalMs: (c) => (c.minIntervalMs ?? 0) * (this.d.tuning?.intervalScale ?? 1),
    };
  }

  /** Telegram and Slack for the workflow steps telegram.send / slack.send: the channels' own delivery, outside the outbox (the run is the record). */
  messagePort(): MessagePort {
    return channelMessagePort((channel, key) => this.context({ id: key, channel }, 1), this.d.clock);
  }

  /** A row's context; a test, a status or a secret check passes a made-up id (its idempotency key) and the channel. */
  private context(row: Pick<LaneRow, 'id' | 'channel'>, attempt: number): ChannelContext {
    return {
      idempotencyKey: row.id,
      attempt,
      os: this.d.os,
      publish: (notice) => this.d.events.emit('notify.notice', notice),
      secret: (name) => this.d.secrets.reveal(name),
      setting: (key) => this.d.settings.get(key),
      ...(this.appUrl ? { appUrl: this.appUrl } : {}),
      log: this.d.log.child({ channel: row.channel }),
      db: this.d.db,
    };
  }

  /** The channel's delivery loop, made on first use; none while the background task is stopped. */
  private lane(channel: string): LaneRunner | undefined {
    if (!this.running) return undefined;
    let lane = this.lanes.get(channel);
    if (!lane) {
      lane = new LaneRunner(channel, {
        timer: this.d.timer,
        clock: this.d.clock,
        run: (c) => this.runLane(c),
        onError: (err) => {
          // once core is closed its log file is closed too
          if (this.d.db.open) this.d.log.error({ channel, err: String(err) }, 'notification outbox pass failed');
        },
      });
      this.lanes.set(channel, lane);
    }
    return lane;
  }

  /** Looks for rows another process wrote (and forgets old finished rows) every pollMs. */
  private armPoll(ms: number): void {
    if (!this.running) return;
    this.poll = this.d.timer.after(
      ms,
      () => {
        try {
          const now = this.d.clock.now();
          if (now - this.prunedAt >= pruneEveryMs) {
            this.prunedAt = now;
            this.store.prune(now - keepMs);
          }
          for (const channel of this.store.pendingChannels()) this.lane(channel)?.kick();
        } catch (err) {
          if (this.d.db.open) this.d.log.warn({ err: String(err) }, 'notification outbox could not look for pending rows');
        }
        this.armPoll(pollMs);
      },
      { unref: true },
    );
  }
}
