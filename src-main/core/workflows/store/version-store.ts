import { withStatements } from '../../db/with-statements';
import type { WorkflowProblem } from '../../../../shared/workflow';

export interface VersionRow {
  workflow_id: string;
  version: number;
  saved_at: number;
  name: string;
  draft: number;
  document: string;
  problems: string;
}

export interface VersionBrief {
  version: number;
  savedAt: number;
  name: string;
  draft: boolean;
  problems: number;
}

const sql = {
  next: 'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM workflow_versions WHERE workflow_id = ?',
  insert: `INSERT INTO workflow_versions (workflow_id, version, saved_at, name, draft, document, problems)
    VALUES (@workflowId, @version, @savedAt, @name, @draft, @document, @problems)`,
  list: `SELECT version, saved_at, name, draft, problems FROM workflow_versions WHERE workflow_id = ? ORDER BY version DESC`,
  get: 'SELECT * FROM workflow_versions WHERE workflow_id = ? AND version = ?',
  deleteAll: 'DELETE FROM workflow_versions WHERE workflow_id = ?',
};

/** The saved history of each workflow: one immutable row per save, import or restore. */
export class VersionStore extends withStatements(sql) {
  /** Appends the next version (call inside the save's transaction) and returns its number. */
  append(v: { workflowId: string; savedAt: number; name: string; draft: boolean; document: unknown; problems: WorkflowProblem[] }): number {
    const version = (this.s.next.get(v.workflowId) as { next: number }).next;
    this.s.insert.run({
      workflowId: v.workflowId,
      version,
      savedAt: v.savedAt,
      name: v.name,
      draft: v.draft ? 1 : 0,
      document: JSON.stringify(v.document),
      problems: JSON.stringify(v.problems),
    });
    return version;
  }

  /** Newest first. */
  list(workflowId: string): VersionBrief[] {
    return (this.s.list.all(workflowId) as Omit<VersionRow, 'workflow_id' | 'document'>[]).map((r) => ({
      version: r.version,
      savedAt: r.saved_at,
      name: r.name,
      draft: r.draft === 1,
      problems: (JSON.parse(r.problems) as unknown[]).length,
    }));
  }

  get(workflowId: string, version: number): { version: number; savedAt: number; draft: boolean; document: unknown; problems: WorkflowProblem[] } | undefined {
    const r = this.s.get.get(workflowId, version) as VersionRow | undefined;
    if (!r) return undefined;
    return { version: r.version, savedAt: r.saved_at, draft: r.draft === 1, document: JSON.parse(r.document) as unknown, problems: JSON.parse(r.problems) as WorkflowProblem[] };
  }

  deleteAll(workflowId: string): void {
    this.s.deleteAll.run(workflowId);
  }
}
