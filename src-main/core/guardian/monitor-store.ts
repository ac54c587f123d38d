import type { Beat, MonitorState, PeerCertificateInfo } from '../../../shared/contract/guardian';
import type { Db } from '../db/open';

export interface MonitorRow {
  id: string;
  name: string;
  type: string;
  definition: string;
  push_token: string | null;
  state: MonitorState;
  failures: number;
  last_check_at: number | null;
  last_change_at: number | null;
  last_ping_at: number | null;
  last_alert_at: number | null;
  last_message: string | null;
  last_ms: number | null;
  created_at: number;
  /** JSON PeerCertificateInfo: an HTTPS monitor's certificate at its last check that reached the server. */
  certificate: string | null;
}

/** UP and DOWN checks counted over a span. */
export interface UpDown {
  up: number;
  down: number;
}

/** What one check leaves behind: the beat and the monitor's new state. */
export interface CheckRecord {
  at: number;
  state: MonitorState;
  failures: number;
  message: string;
  ms: number | null;
  important: boolean;
  lastChangeAt: number | null;
  lastAlertAt: number | null;
  /** The server's certificate this check saw; null: the target has none (plain HTTP); undefined: not reached, the last one stays. */
  certificate?: PeerCertificateInfo | null;
}

/** Every SQL statement on guardian_monitors and guardian_beats. */
export class MonitorStore {
  constructor(private readonly db: Db) {}

  list(): MonitorRow[] {
    return this.db.prepare('SELECT * FROM guardian_monitors ORDER BY created_at, id').all() as MonitorRow[];
  }

  get(id: string): MonitorRow | undefined {
    return this.db.prepare('SELECT * FROM guardian_monitors WHERE id = ?').get(id) as MonitorRow | undefined;
  }

  byPushToken(token: string): MonitorRow | undefined {
    return this.db.prepare('SELECT * FROM guardian_monitors WHERE push_token = ?').get(token) as MonitorRow | undefined;
  }

  insert(m: { id: string; name: string; type: string; definition: string; pushToken: string | null; at: number }): void {
    this.db
      .prepare('INSERT INTO guardian_monitors (id, name, type, definition, push_token, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(m.id, m.name, m.type, m.definition, m.pushToken, 'PENDING', m.at, m.at);
  }

  updateDefinition(id: string, name: string, definition: string, at: number): void {
    this.db.prepare('UPDATE guardian_monitors SET name = ?, definition = ?, updated_at = ? WHERE id = ?').run(name, definition, at, id);
  }

  /** Removes the monitor (its beats go with it); false when there was none. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM guardian_monitors WHERE id = ?').run(id).changes > 0;
  }

  recordPing(id: string, at: number): void {
    this.db.prepare('UPDATE guardian_monitors SET last_ping_at = ? WHERE id = ?').run(at, id);
  }

  /** The beat and the monitor's state, together. */
  recordCheck(id: string, c: CheckRecord): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO guardian_beats (monitor_id, at, state, message, ms, important) VALUES (?, ?, ?, ?, ?, ?)').run(id, c.at, c.state, c.message, c.ms, c.important ? 1 : 0);
      this.db
        .prepare('UPDATE guardian_monitors SET state = ?, failures = ?, last_check_at = ?, last_change_at = ?, last_alert_at = ?, last_message = ?, last_ms = ? WHERE id = ?')
        .run(c.state, c.failures, c.at, c.lastChangeAt, c.lastAlertAt, c.message, c.ms, id);
      if (c.certificate !== undefined) this.db.prepare('UPDATE guardian_monitors SET certificate = ? WHERE id = ?').run(c.certificate === null ? null : JSON.stringify(c.certificate), id);
    })();
  }

  /** UP and DOWN beats since `dayFrom` and since `monthFrom` (the earlier), in one read. */
  upDown(id: string, dayFrom: number, monthFrom: number): { day: UpDown; month: UpDown } {
    const r = this.db
      .prepare(
        `SELECT coalesce(sum(state = 'UP' AND at >= ?), 0) AS dayUp, coalesce(sum(state = 'DOWN' AND at >= ?), 0) AS dayDown,
           coalesce(sum(state = 'UP'), 0) AS up, coalesce(sum(state = 'DOWN'), 0) AS down
         FROM guardian_beats WHERE monitor_id = ? AND at >= ?`,
      )
      .get(dayFrom, dayFrom, id, monthFrom) as { dayUp: number; dayDown: number; up: number; down: number };
    return { day: { up: r.dayUp, down: r.dayDown }, month: { up: r.up, down: r.down } };
  }

  /** The average response time per `slice` ms of [from, to), oldest first; slices without a timed beat are left out. */
  responseTimes(id: string, from: number, to: number, slice: number): Array<{ at: number; ms: number }> {
    const rows = this.db
      .prepare('SELECT CAST((at - ?) / ? AS INTEGER) AS i, avg(ms) AS ms FROM guardian_beats WHERE monitor_id = ? AND at >= ? AND at < ? AND ms IS NOT NULL GROUP BY i ORDER BY i')
      .all(from, slice, id, from, to) as Array<{ i: number; ms: number }>;
    return rows.map((r) => ({ at: from + r.i * slice, ms: Math.round(r.ms * 10) / 10 }));
  }

  beats(id: string, q: { since?: number | undefined; limit: number }): Beat[] {
    const rows = this.db
      .prepare('SELECT monitor_id, at, state, message, ms, important FROM guardian_beats WHERE monitor_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(id, q.since ?? 0, q.limit) as Array<{ monitor_id: string; at: number; state: MonitorState; message: string; ms: number | null; important: number }>;
    return rows.map((r) => ({ monitorId: r.monitor_id, at: r.at, state: r.state, message: r.message, ms: r.ms, important: r.important === 1 }));
  }

  /** Beats older than `before` removed; returns how many. */
  pruneBeats(before: number): number {
    return this.db.prepare('DELETE FROM guardian_beats WHERE at < ?').run(before).changes;
  }
}
