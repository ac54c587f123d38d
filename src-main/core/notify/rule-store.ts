import type { RuleSettings } from '../../../shared/contract/notify-rules';
import type { Db } from '../db/open';

interface Row {
  id: string;
  enabled: number;
  channels: string;
  severity: RuleSettings['severity'];
  filter: string;
  updated_at: number;
}

export interface StoredRule {
  settings: RuleSettings;
  updatedAt: number;
}

/** The notify_rules table (migration 0025): the founder's settings of a rule; no row, its defaults. */
export class RuleStore {
  constructor(private readonly db: Db) {}

  get(id: string): StoredRule | undefined {
    const row = this.db.prepare('SELECT * FROM notify_rules WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  all(): Map<string, StoredRule> {
    const rows = this.db.prepare('SELECT * FROM notify_rules').all() as Row[];
    return new Map(rows.map((r) => [r.id, fromRow(r)]));
  }

  put(id: string, s: RuleSettings, now: number): void {
    this.db
      .prepare(
        `INSERT INTO notify_rules (id, enabled, channels, severity, filter, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, channels = excluded.channels, severity = excluded.severity, filter = excluded.filter, updated_at = excluded.updated_at`,
      )
      .run(id, s.enabled ? 1 : 0, JSON.stringify(s.channels), s.severity, JSON.stringify(s.filter), now);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM notify_rules WHERE id = ?').run(id);
  }
}

function fromRow(r: Row): StoredRule {
  return {
    settings: { enabled: r.enabled === 1, channels: JSON.parse(r.channels) as string[], severity: r.severity, filter: JSON.parse(r.filter) as RuleSettings['filter'] },
    updatedAt: r.updated_at,
  };
}
