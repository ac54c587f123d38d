import type { EventName } from '../../../shared/contract';
import type { Notice, OutboxRow, OutboxState } from '../../../shared/contract/notify';
import type { SecretName } from '../../../shared/secrets';
import type { SettingKey, SettingValue } from '../../../shared/settings';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import type { Timer, TimerHandle } from '../timer';
import type { ChannelContext, OsNotifier } from './channel';
import type { ChannelId } from './channels';
import { deliverRow } from './deliver-row';
import { OutboxStore } from './outbox-store';
import { rules as defaultRules, type NoticeDraft, type Rule, type RuleTable } from './rules';

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
  private running = false;
  private wake: TimerHandle | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly d: NotifyDeps) {
    this.store = new OutboxStore(d.db);
  }

  /** Listens to every event of the rules table (createCore does this once); returns how to stop. */
  followRules(table: RuleTable = defaultRules): () => void {
    const offs = (Object.keys(table) as EventName[]).map((name) => {
      const rule = table[name] as Rule<EventName>;
      return this.d.events.on(name, (payload) => {
        try {
          this.send(rule.notice(payload), rule.channels);
        } catch (err) {
          this.d.log.error({ event: name, err: String(err) }, 'could not record a notice');
        }
      });
    });
    return () => {
      for (const off of offs) off();
    };
  }

  /**
   * Writes the notice to the outbox for each channel (once per key and channel) and wakes the
   * delivery. Returns the rows made: 0 when every channel already had this key.
   */
  send(draft: NoticeDraft, channels: readonly ChannelId[]): number {
    const now = this.d.clock.now();
    const notice: Notice = {
      id: uuidv7(now),
      title: draft.title,
      body: draft.body,
      area: draft.area,
      at: draft.at,
      ...(draft.severity ? { severity: draft.severity } : {}),
      ...(draft.approvalId ? { approvalId: draft.approvalId } : {}),
    };
    const made = this.store.enqueue(draft.key, notice, channels, now);
    if (made > 0) this.kick();
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

  private context(row: OutboxRow, attempt: number): ChannelContext {
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
