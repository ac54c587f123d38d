import type { EventName, EventPayload } from '../../../shared/contract';
import type { NotifyRule } from '../../../shared/contract/notify-rules';
import type { ChannelStatus, ChannelTest, Notice, OutboxRow, OutboxState } from '../../../shared/contract/notify';
import type { SecretName } from '../../../shared/secrets';
import type { SettingKey, SettingValue } from '../../../shared/settings';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { badInput, CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import type { Timer, TimerHandle } from '../timer';
import type { ChannelContext, OsNotifier } from './channel';
import { sendTest, testNotice } from './channel-test';
import { channelById, channels, type ChannelId } from './channels';
import { deliverRow } from './deliver-row';
import { OutboxStore } from './outbox-store';
import { higherSeverity, RuleBook, type RuleChange } from './rule-book';
import { matchesFilter } from './rule-filter';
import type { NoticeDraft, RuleDef } from './rules';

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
}

/** Rows are also looked for this often, so rows another process wrote (the CLI, notify.retry there) go out without a restart. */
const pollMs = 30_000;
const batchSize = 50;
/** Finished rows are kept this long for the outbox view, then forgotten. */
const keepMs = 30 * 24 * 60 * 60_000;
const pruneEveryMs = 60 * 60_000;

/**
 * Notices for the founder: the rules turn events into notices, each notice is written to the
 * outbox once per channel, and a background task delivers the outbox: at once, again with
 * backoff after a failure that may pass, and after a restart whatever was still pending.
 */
export class NotifyService {
  private readonly store: OutboxStore;
  private readonly rules: RuleBook;
  private running = false;
  private wake: TimerHandle | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly d: NotifyDeps) {
    this.store = new OutboxStore(d.db);
    this.rules = new RuleBook(d.db, d.clock, d.rules);
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

  resetRule(id: string): NotifyRule {
    return this.rules.reset(id);
  }

  /**
   * Writes the notice to the outbox for each channel (once per key and channel) and wakes the
   * delivery. Returns the rows made: 0 when every channel already had this key.
   */
  send(draft: NoticeDraft, channels: readonly string[]): number {
    const now = this.d.clock.now();
    const notice: Notice = {
      id: uuidv7(now),
      title: draft.title,
      body: draft.body,
      area: draft.area,
      at: draft.at,
      ...(draft.severity ? { severity: draft.severity } : {}),
      ...(draft.approvalId ? { approvalId: draft.approvalId } : {}),
      ...(draft.briefing ? { briefing: draft.briefing } : {}),
    };
    const made = this.store.enqueue(draft.key, notice, channels, now);
    if (made > 0) this.kick();
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

  /** A failed or skipped row goes out again, from its first attempt. */
  retry(id: string): OutboxRow {
    const row = this.store.get(id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no outbox row has id "${id}"`, 'id');
    if (row.state === 'sent') throw new CoreError('CONFLICT', `id: outbox row ${id} was sent at ${new Date(row.sentAt ?? 0).toISOString()}; a sent notice is never sent again`, 'id');
    if (!this.store.reopen(id, this.d.clock.now())) throw new CoreError('CONFLICT', `id: outbox row ${id} is already waiting to be delivered`, 'id');
    this.kick();
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

  /** Every due row, one after another; returns how many were attempted. The background task calls this. */
  async deliverDue(): Promise<number> {
    const now = this.d.clock.now();
    if (now - this.prunedAt >= pruneEveryMs) {
      this.prunedAt = now;
      this.store.prune(now - keepMs);
    }
    const due = this.store.due(now, batchSize);
    for (const row of due) await deliverRow({ store: this.store, clock: this.d.clock, log: this.d.log, context: (r, attempt) => this.context(r, attempt) }, row);
    if (due.length === batchSize) this.again = true;
    return due.length;
  }

  backgroundTask(): BackgroundTask {
    return {
      name: 'notify.outbox',
      start: () => {
        this.running = true;
        this.arm(0);
        return async () => {
          this.running = false;
          this.wake?.cancel();
          this.wake = undefined;
          await this.pass;
        };
      },
    };
  }

  /** A row's context; a test, a status or a secret check passes a made-up id (its idempotency key) and the channel. */
  private context(row: Pick<OutboxRow, 'id' | 'channel'>, attempt: number): ChannelContext {
    return {
      idempotencyKey: row.id,
      attempt,
      os: this.d.os,
      publish: (notice) => this.d.events.emit('notify.notice', notice),
      secret: (name) => this.d.secrets.reveal(name),
      setting: (key) => this.d.settings.get(key),
      log: this.d.log.child({ channel: row.channel }),
      db: this.d.db,
    };
  }

  private kick(): void {
    if (!this.running) return;
    if (this.pass) this.again = true;
    else this.arm(0);
  }

  private arm(ms: number): void {
    if (!this.running) return;
    this.wake?.cancel();
    this.wake = this.d.timer.after(ms, () => this.tick(), { unref: true });
  }

  private tick(): void {
    this.wake = undefined;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = (async () => {
      do {
        this.again = false;
        await this.deliverDue();
      } while (this.again && this.running);
    })()
      .catch((err: unknown) => {
        // once core is closed its log file is closed too
        if (this.d.db.open) this.d.log.error({ err: String(err) }, 'notification outbox pass failed');
      })
      .finally(() => {
        this.pass = undefined;
        this.armNext();
      });
  }

  /** Sleeps until the next pending row is due, or the poll, whichever comes first. */
  private armNext(): void {
    if (!this.running) return;
    try {
      const next = this.store.nextDueAt();
      this.arm(next === undefined ? pollMs : Math.min(pollMs, Math.max(0, next - this.d.clock.now())));
    } catch (err) {
      this.d.log.warn({ err: String(err) }, 'notification outbox could not read its next due row');
      this.arm(pollMs);
    }
  }
}
