import { randomBytes } from 'node:crypto';
import type { Beat, Monitor, MonitorStats, PeerCertificateInfo } from '../../../shared/contract/guardian';
import type { BackgroundTask } from '../background';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import type { EventBus } from '../event-bus';
import { uuidv7 } from '../ids';
import type { Logger } from '../logger';
import { applyChanges, inMaintenance, newDefinition, readDefinition, storedJson, type MonitorDefinition, type MonitorInput } from './definition';
import { dayMs } from './findings';
import { judgeCheck } from './judge-check';
import type { MonitorRow, MonitorStore, UpDown } from './monitor-store';
import type { CheckOutcome, MonitorServices } from './monitors/define-monitor';
import { monitorType } from './monitors/registry';

export const heartbeatPathPrefix = '/heartbeat/';

export interface MonitorServiceDeps {
  store: MonitorStore;
  clock: Clock;
  log: Logger;
  events: EventBus;
  /** What the checks read of the app (the remote, the data dir, the scheduler…). */
  services: MonitorServices;
}

function toMonitor(r: MonitorRow): Monitor {
  return {
    id: r.id,
    ...storedJson(readDefinition(r.definition)),
    name: r.name,
    pushPath: r.push_token ? `${heartbeatPathPrefix}${r.push_token}` : null,
    state: r.state,
    failures: r.failures,
    lastCheckAt: r.last_check_at,
    lastChangeAt: r.last_change_at,
    lastPingAt: r.last_ping_at,
    lastMessage: r.last_message,
    lastMs: r.last_ms,
    createdAt: r.created_at,
    certificate: r.certificate ? (JSON.parse(r.certificate) as PeerCertificateInfo) : null,
  } as Monitor;
}

function uptime(c: UpDown): MonitorStats['uptime24h'] {
  return { ...c, ratio: c.up + c.down === 0 ? null : c.up / (c.up + c.down) };
}

/**
 * Monitors with Uptime Kuma's semantics (UP, DOWN, PENDING while retrying, MAINTENANCE): add,
 * edit, remove, push pings, checks bounded by their timeouts, and the alerts on the way DOWN
 * and back UP. What a check does is its type's (monitors/).
 */
export class MonitorService {
  private readonly inflight = new Map<string, Promise<Monitor>>();

  constructor(private readonly d: MonitorServiceDeps) {}

  list(): Monitor[] {
    return this.d.store.list().map(toMonitor);
  }

  get(id: string): Monitor {
    return toMonitor(this.row(id));
  }

  add(input: MonitorInput): Monitor {
    const def = newDefinition(input);
    const now = this.d.clock.now();
    const id = uuidv7(now);
    const pushToken = def.type.receivesPings ? randomBytes(24).toString('base64url') : null;
    this.d.store.insert({ id, name: def.common.name, type: def.common.type, definition: JSON.stringify(storedJson(def)), pushToken, at: now });
    const monitor = this.get(id);
    this.d.events.emit('guardian.monitorChanged', { monitor, id, previous: null, reason: 'added' });
    this.d.log.info({ monitor: id, type: def.common.type }, 'monitor added');
    return monitor;
  }

  update(id: string, input: MonitorInput): Monitor {
    const row = this.row(id);
    const def = applyChanges(readDefinition(row.definition), input);
    this.d.store.updateDefinition(id, def.common.name, JSON.stringify(storedJson(def)), this.d.clock.now());
    const monitor = this.get(id);
    this.d.events.emit('guardian.monitorChanged', { monitor, id, previous: row.state, reason: 'updated' });
    return monitor;
  }

  remove(id: string): boolean {
    const row = this.d.store.get(id);
    if (!row || !this.d.store.delete(id)) return false;
    this.d.events.emit('guardian.monitorChanged', { monitor: null, id, previous: row.state, reason: 'removed' });
    return true;
  }

  beats(id: string, q: { since?: number | undefined; limit: number }): Beat[] {
    this.row(id);
    return this.d.store.beats(id, q);
  }

  /**
   * Per monitor: uptime over the last 24 h and 30 days (UP checks out of UP and DOWN ones),
   * its newest `beats` beats, and its average response time over `points` slices of [from, to).
   */
  stats(q: { from: number; to: number; points: number; beats: number }): MonitorStats[] {
    const now = this.d.clock.now();
    const slice = Math.max(1, Math.ceil((q.to - q.from) / q.points));
    return this.d.store.list().map((m) => {
      const counts = this.d.store.upDown(m.id, now - dayMs, now - 30 * dayMs);
      return {
        id: m.id,
        uptime24h: uptime(counts.day),
        uptime30d: uptime(counts.month),
        recent: this.d.store
          .beats(m.id, { limit: q.beats })
          .reverse()
          .map((b) => ({ at: b.at, state: b.state, message: b.message, ms: b.ms })),
        responseTimes: this.d.store.responseTimes(m.id, q.from, q.to, slice),
      };
    });
  }

  /** A push monitor's ping (GET|POST /heartbeat/<token>): recorded, then judged at once. */
  async ping(token: string): Promise<Monitor> {
    const row = this.d.store.byPushToken(token);
    if (!row) throw new CoreError('NOT_FOUND', 'token: no push monitor has this token', 'token');
    this.d.store.recordPing(row.id, this.d.clock.now());
    return this.checkOne(row.id);
  }

  /** Every (unpaused) monitor once, all at once: a hanging target only holds its own check. */
  async checkAll(): Promise<Monitor[]> {
    const ids = this.list().filter((m) => !m.paused).map((m) => m.id);
    // one monitor removed mid-check (or failing oddly) never fails the others
    await Promise.allSettled(ids.map((id) => this.checkOne(id)));
    return this.list();
  }

  /** One check of one monitor; a check already running for it is joined, not doubled. */
  checkOne(id: string): Promise<Monitor> {
    const running = this.inflight.get(id);
    if (running) return running;
    const p = this.runCheck(id).finally(() => this.inflight.delete(id));
    this.inflight.set(id, p);
    return p;
  }

  /** Heartbeat history older than `before` removed; returns the beats removed. */
  pruneBeats(before: number): number {
    return this.d.store.pruneBeats(before);
  }

  /** Each monitor on its interval (levqor serve and the desktop app). */
  backgroundTask(): BackgroundTask {
    const { log, clock } = this.d;
    return {
      name: 'guardian.monitors',
      start: () => {
        let stopped = false;
        let timer: NodeJS.Timeout | undefined;
        const tick = () => {
          if (stopped) return;
          try {
            const now = clock.now();
            for (const m of this.list()) {
              if (m.paused || this.inflight.has(m.id)) continue;
              if (m.lastCheckAt === null || now - m.lastCheckAt >= m.intervalSeconds * 1000) {
                this.checkOne(m.id).catch((err: unknown) => log.warn({ monitor: m.id, err: err instanceof Error ? err.message : String(err) }, 'monitor check failed'));
              }
            }
          } catch (err) {
            log.warn({ err: err instanceof Error ? err.message : String(err) }, 'guardian tick failed');
          }
          timer = setTimeout(tick, 1_000);
          timer.unref();
        };
        timer = setTimeout(tick, 500);
        timer.unref();
        return async () => {
          stopped = true;
          if (timer) clearTimeout(timer);
          await Promise.allSettled([...this.inflight.values()]);
        };
      },
    };
  }

  private async runCheck(id: string): Promise<Monitor> {
    const row = this.row(id);
    const def = readDefinition(row.definition);
    const started = this.d.clock.now();
    const window = inMaintenance(def, started);
    const outcome: CheckOutcome = window
      ? { status: 'unknown', message: `in a maintenance window${window.reason ? `: ${window.reason}` : ''}`, ms: null }
      : await this.bounded(def, row);

    // the row may have changed (a ping, an edit, a removal) while the check ran
    const fresh = this.row(id);
    const now = this.d.clock.now();
    const before = { state: fresh.state, failures: fresh.failures, lastCheckAt: fresh.last_check_at, lastChangeAt: fresh.last_change_at, lastAlertAt: fresh.last_alert_at };
    const { record, alert } = judgeCheck(outcome, window, before, def.common, now);
    this.d.store.recordCheck(id, record);
    const monitor = this.get(id);
    this.d.events.emit('guardian.beat', { monitorId: id, at: record.at, state: record.state, message: record.message, ms: record.ms });
    if (record.important) this.d.events.emit('guardian.monitorChanged', { monitor, id, previous: fresh.last_check_at === null ? null : fresh.state, reason: 'check' });
    if (alert) {
      const text = alert === 'up' ? `"${monitor.name}" is UP again: ${record.message}` : `"${monitor.name}" is DOWN${alert === 'resend' ? ' (still)' : ''}: ${record.message}`;
      this.d.log.warn({ monitor: id, alert }, text);
      this.d.events.emit('guardian.alert', { monitorId: id, name: monitor.name, kind: alert, message: text, at: now });
    }
    return monitor;
  }

  /** The check under its timeout: aborted at the timeout, and given up on shortly after if it ignores the abort. */
  private async bounded(def: MonitorDefinition, row: MonitorRow): Promise<CheckOutcome> {
    const type = monitorType(def.common.type);
    if (!type) return { status: 'unknown', message: `this build does not know monitor type "${def.common.type}"`, ms: null };
    const parsed = type.settings.safeParse(def.settings);
    if (!parsed.success) return { status: 'down', message: `the stored settings do not fit a ${type.type} monitor: ${parsed.error.issues[0]?.message ?? 'invalid'}`, ms: null };
    const { timeoutSeconds, intervalSeconds } = def.common;
    const controller = new AbortController();
    const timeoutMs = timeoutSeconds * 1000;
    const timers: NodeJS.Timeout[] = [];
    const giveUp = new Promise<CheckOutcome>((resolve) => {
      timers.push(setTimeout(() => controller.abort(), timeoutMs));
      timers.push(setTimeout(() => resolve({ status: 'down', message: `timed out after ${timeoutSeconds} s`, ms: timeoutMs }), timeoutMs + 250));
    });
    const ctx = { now: this.d.clock.now(), signal: controller.signal, intervalSeconds, timeoutSeconds, lastPingAt: row.last_ping_at, createdAt: row.created_at, services: this.d.services };
    try {
      return await Promise.race([
        Promise.resolve()
          .then(() => type.check(parsed.data, ctx))
          .catch((err: unknown): CheckOutcome => ({ status: 'down', message: err instanceof Error ? err.message : String(err), ms: null })),
        giveUp,
      ]);
    } finally {
      for (const t of timers) clearTimeout(t);
      controller.abort();
    }
  }

  private row(id: string): MonitorRow {
    const row = this.d.store.get(id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no monitor ${id}`, 'id');
    return row;
  }
}
