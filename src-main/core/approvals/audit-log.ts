import type { AuditEntry, AuditFilter } from '../../../shared/contract/audit';
import { withStatements } from '../db/with-statements';

/**
 * The audit log as one list: every approval (its latest state: who asked or decided, the
 * outcome its owner reported) and every row of workflow_audit (a side effect, dry run or block
 * of a step, an upload, a healing action, a stage switch, a notice sent).
 */
const entries = /* sql */ `
  SELECT 'action:' || w.id AS id, w.at AS at, coalesce(w.actor, a.decided_by, 'levqor') AS who, w.step_type AS what,
    w.subject_kind AS kind, w.stage AS stage, CASE WHEN a.subject_kind = w.subject_kind THEN a.subject_title ELSE coalesce(w.subject_ref, w.subject_kind) END AS subject,
    CASE w.mode WHEN 'real' THEN 'done' WHEN 'dry-run' THEN 'dry-run' ELSE 'blocked' END AS outcome, w.detail AS detail, 1 AS after
  FROM workflow_audit w LEFT JOIN approvals a ON a.id = w.approval_id
  UNION ALL
  SELECT 'approval:' || id, coalesce(decided_at, requested_at), coalesce(decided_by, requested_by), step_type,
    subject_kind, stage, subject_title,
    CASE WHEN status = 'approved' AND json_extract(outcome, '$.ok') = 0 THEN 'failed' ELSE status END,
    CASE WHEN reason IS NOT NULL THEN reason || ' \u2014 ' || message ELSE message END, 0
  FROM approvals`;

const matches = `(@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to) AND (@kind IS NULL OR kind = @kind) AND (@outcome IS NULL OR outcome = @outcome)
  AND (@text IS NULL OR instr(lower(who || ' ' || what || ' ' || subject || ' ' || coalesce(detail, '')), lower(@text)) > 0)`;

const sql = {
  // within one millisecond an approval's decision comes before the action it allowed
  list: `SELECT id, at, who, what, kind, stage, subject, outcome, detail FROM (${entries}) WHERE ${matches} ORDER BY at DESC, after DESC, id DESC LIMIT @limit`,
  kinds: 'SELECT DISTINCT subject_kind AS kind FROM workflow_audit UNION SELECT DISTINCT subject_kind FROM approvals ORDER BY kind',
};

export class AuditLog extends withStatements(sql) {
  list(filter: AuditFilter): AuditEntry[] {
    const text = filter.text?.trim();
    return this.s.list.all({
      from: filter.from ?? null,
      to: filter.to ?? null,
      kind: filter.kind ?? null,
      outcome: filter.outcome ?? null,
      text: text ? text : null,
      limit: filter.limit,
    }) as AuditEntry[];
  }

  kinds(): string[] {
    return (this.s.kinds.all() as Array<{ kind: string }>).map((r) => r.kind);
  }
}
