import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';
import { withStatements } from '../../db/with-statements';
import type { WorkflowDocument } from '../../../../shared/workflow';

export interface WorkflowRow {
  id: string;
  name: string;
  definition_id: string;
  trigger_type: WorkflowDocument['trigger']['type'];
  webhook_path: string | null;
  webhook_secret: string | null;
  enabled: number;
  created_at: number;
  updated_at: number;
  /** 1 while the stored document has validation problems: its trigger is inactive and it cannot run. */
  draft: number;
  /** JSON [{path, message}] while a draft. */
  problems: string | null;
  version: number;
}

type WorkflowWrite = {
  id: string;
  name: string;
  definitionId: string;
  triggerType: string;
  webhookPath: string | null;
  webhookSecret: string | null;
  enabled: number;
  draft: number;
  problems: string | null;
  version: number;
  now: number;
};

const sql = {
  putDefinition: 'INSERT OR IGNORE INTO workflow_definitions (id, document, created_at) VALUES (?, ?, ?)',
  getDefinition: 'SELECT document FROM workflow_definitions WHERE id = ?',
  insert: `INSERT INTO workflows (id, name, definition_id, trigger_type, webhook_path, webhook_secret, enabled, draft, problems, version, created_at, updated_at)
    VALUES (@id, @name, @definitionId, @triggerType, @webhookPath, @webhookSecret, @enabled, @draft, @problems, @version, @now, @now)`,
  update: `UPDATE workflows SET name = @name, definition_id = @definitionId, trigger_type = @triggerType, webhook_path = @webhookPath,
    webhook_secret = COALESCE(webhook_secret, @webhookSecret), enabled = @enabled, draft = @draft, problems = @problems, version = @version,
    updated_at = @now WHERE id = @id`,
  get: 'SELECT * FROM workflows WHERE id = ?',
  dataVersion: 'PRAGMA data_version',
  byWebhook: 'SELECT * FROM workflows WHERE webhook_path = ?',
  list: 'SELECT * FROM workflows ORDER BY name COLLATE NOCASE, id',
  // a draft's trigger is inactive until it is saved valid
  listByTrigger: 'SELECT * FROM workflows WHERE trigger_type = ? AND enabled = 1 AND draft = 0',
  delete: 'DELETE FROM workflows WHERE id = ?',
  setEnabled: 'UPDATE workflows SET enabled = ?, updated_at = ? WHERE id = ?',
  setSecret: 'UPDATE workflows SET webhook_secret = ?, updated_at = ? WHERE id = ?',
  lastRun: 'SELECT id, status, created_at FROM runs WHERE workflow_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
  lastRuns: `SELECT r.workflow_id, r.id, r.status, r.created_at FROM runs r
    JOIN (SELECT workflow_id, MAX(created_at) AS at FROM runs WHERE workflow_id IS NOT NULL GROUP BY workflow_id) m
    ON m.workflow_id = r.workflow_id AND m.at = r.created_at`,
};

/** Stored workflows and the content-addressed documents that workflows and runs point at. */
export class WorkflowStore extends withStatements(sql) {
  /** Documents are immutable once written: parse each once. */
  private readonly documents = new Map<string, WorkflowDocument>();
  /**
   * Rows read outside a transaction, by id (every workflows.run reads one). Dropped when
   * this store writes the row, and all at once when another connection (a CLI next to
   * `levqor serve`) committed: SQLite's data_version changes only then. data_version is read
   * once per event-loop turn (each read opens a read transaction: lock calls on the WAL
   * index), so another process's commit is seen from the next turn on — a request, an IPC
   * call or a timer always starts one.
   */
  private readonly rows = new Map<string, WorkflowRow>();
  private dataVersion: unknown;
  private versionReadThisTurn = false;

  constructor(db: Db) {
    super(db);
    this.s.dataVersion.pluck();
  }

  /** Stores a document (once per distinct content) and returns its id. */
  putDefinition(document: WorkflowDocument, now: number): string {
    const json = JSON.stringify(document);
    const id = createHash('sha256').update(json).digest('hex').slice(0, 32);
    if (!this.documents.has(id)) {
      this.s.putDefinition.run(id, json, now);
      this.documents.set(id, document);
    }
    return id;
  }

  /** Stores a draft's document as written (it may not pass validation) and returns its id. */
  putDraftDefinition(document: unknown, now: number): string {
    const json = JSON.stringify(document);
    const id = createHash('sha256').update(json).digest('hex').slice(0, 32);
    this.s.putDefinition.run(id, json, now);
    return id;
  }

  /** A draft's document as written; never cached as a valid WorkflowDocument. */
  draftDefinition(id: string): unknown {
    const row = this.s.getDefinition.get(id) as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as unknown) : undefined;
  }

  definition(id: string): WorkflowDocument | undefined {
    const hit = this.documents.get(id);
    if (hit) return hit;
    const row = this.s.getDefinition.get(id) as { document: string } | undefined;
    if (!row) return undefined;
    const doc = JSON.parse(row.document) as WorkflowDocument;
    this.documents.set(id, doc);
    return doc;
  }

  insert(w: WorkflowWrite): void {
    this.rows.delete(w.id);
    this.s.insert.run(w);
  }
  update(w: WorkflowWrite): boolean {
    this.rows.delete(w.id);
    return this.s.update.run(w).changes === 1;
  }
  /** The row as committed; shared and frozen when it comes from the cache. */
  get(id: string): WorkflowRow | undefined {
    // inside a transaction the row may be uncommitted (and rolled back): never cached
    if (this.db.inTransaction) return this.s.get.get(id) as WorkflowRow | undefined;
    if (!this.versionReadThisTurn) {
      const version = this.s.dataVersion.get();
      if (version !== this.dataVersion) {
        this.rows.clear();
        this.dataVersion = version;
      }
      this.versionReadThisTurn = true;
      setImmediate(() => (this.versionReadThisTurn = false)).unref();
    }
    const hit = this.rows.get(id);
    if (hit) return hit;
    const row = this.s.get.get(id) as WorkflowRow | undefined;
    if (row) this.rows.set(id, Object.freeze(row));
    return row;
  }
  byWebhookPath(path: string): WorkflowRow | undefined {
    return this.s.byWebhook.get(path) as WorkflowRow | undefined;
  }
  list(): WorkflowRow[] {
    return this.s.list.all() as WorkflowRow[];
  }
  enabledWithTrigger(type: string): WorkflowRow[] {
    return this.s.listByTrigger.all(type) as WorkflowRow[];
  }
  delete(id: string): boolean {
    this.rows.delete(id);
    return this.s.delete.run(id).changes === 1;
  }
  setEnabled(id: string, enabled: boolean, now: number): boolean {
    this.rows.delete(id);
    return this.s.setEnabled.run(enabled ? 1 : 0, now, id).changes === 1;
  }
  setSecret(id: string, secret: string, now: number): boolean {
    this.rows.delete(id);
    return this.s.setSecret.run(secret, now, id).changes === 1;
  }
  lastRun(workflowId: string): { runId: string; status: string; at: number } | undefined {
    const r = this.s.lastRun.get(workflowId) as { id: string; status: string; created_at: number } | undefined;
    return r ? { runId: r.id, status: r.status, at: r.created_at } : undefined;
  }
  lastRuns(): Map<string, { runId: string; status: string; at: number }> {
    const out = new Map<string, { runId: string; status: string; at: number }>();
    for (const r of this.s.lastRuns.all() as { workflow_id: string; id: string; status: string; created_at: number }[]) {
      out.set(r.workflow_id, { runId: r.id, status: r.status, at: r.created_at });
    }
    return out;
  }
}
