import type { Insight, InsightActResult, InsightHistoryItem, insightActedFilters } from '../../../shared/contract/insights';
import { withStatements } from '../db/with-statements';

const sql = {
  shown: `INSERT INTO insight_history (id, rule, area, severity, finding, first_shown_at, last_shown_at) VALUES (@id, @rule, @area, @severity, @finding, @at, @at)
    ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, finding = excluded.finding, last_shown_at = excluded.last_shown_at`,
  acted: `UPDATE insight_history SET acted_at = ?, action_kind = ?, action_ref = ? WHERE id = ?`,
  dismissed: `SELECT id, action_ref FROM insight_history WHERE action_kind = 'dismissed'`,
  list: `SELECT * FROM insight_history
    WHERE (@since IS NULL OR last_shown_at >= @since) AND (@rule IS NULL OR rule = @rule)
      AND (@acted IS NULL OR (@acted = 'none' AND action_kind IS NULL) OR action_kind = @acted)
    ORDER BY last_shown_at DESC, id LIMIT @limit`,
};

interface Row {
  id: string;
  rule: string;
  area: InsightHistoryItem['area'];
  severity: InsightHistoryItem['severity'];
  finding: string;
  first_shown_at: number;
  last_shown_at: number;
  acted_at: number | null;
  action_kind: InsightActResult['kind'] | 'dismissed' | null;
  action_ref: string | null;
}

/** Which past insights to list: last shown at or after `since`, of one `rule`, by what was done (`none`: not acted on). */
export interface HistoryFilter {
  since?: number;
  rule?: string;
  acted?: (typeof insightActedFilters)[number];
}

const refOf = (r: InsightActResult): string => (r.kind === 'workflow-draft' ? r.workflowId : r.kind === 'healing' ? r.approvalId : r.area);

/** insight_history (migration 0029): what the insights showed, and what the founder did about each. */
export class InsightHistory extends withStatements(sql) {
  shown(insights: readonly Insight[], at: number): void {
    this.db.transaction(() => {
      for (const i of insights) this.s.shown.run({ id: i.id, rule: i.rule, area: i.area, severity: i.severity, finding: i.finding, at });
    })();
  }

  acted(id: string, result: InsightActResult, at: number): void {
    this.s.acted.run(at, result.kind, refOf(result), id);
  }

  /** Records that the founder dismissed the insight as it reads now. */
  dismissed(id: string, finding: string, at: number): void {
    this.s.acted.run(at, 'dismissed', finding, id);
  }

  /** Each dismissed insight's id and its finding as it read when dismissed. */
  dismissedFindings(): Map<string, string> {
    return new Map((this.s.dismissed.all() as Array<{ id: string; action_ref: string }>).map((r) => [r.id, r.action_ref]));
  }

  list(limit: number, filter: HistoryFilter = {}): InsightHistoryItem[] {
    return (this.s.list.all({ limit, since: filter.since ?? null, rule: filter.rule ?? null, acted: filter.acted ?? null }) as Row[]).map((r) => ({
      id: r.id,
      rule: r.rule,
      area: r.area,
      severity: r.severity,
      finding: r.finding,
      firstShownAt: r.first_shown_at,
      lastShownAt: r.last_shown_at,
      acted: r.acted_at !== null && r.action_kind !== null ? { at: r.acted_at, kind: r.action_kind, ref: r.action_ref ?? '' } : null,
    }));
  }
}
