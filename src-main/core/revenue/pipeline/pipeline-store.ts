import type { PipelineKind } from '../../../../shared/pipeline-stages';
import type { Db } from '../../db/open';
import { badInput, CoreError } from '../../errors';
import { founderColumns, type ChangeRow, type Changes, type FounderField, type ItemRow } from './item-row';

/** One pulled item: the local row before and after, and the remote's own stage (`after` keeps a stage still being written back). */
export interface PulledRow {
  before: ItemRow | undefined;
  after: ItemRow;
  remoteStage: string;
}

/** A remote row as the pull maps it to local columns (founder fields included). */
export type PulledItem = Omit<ItemRow, 'pulled_at'>;

export interface ListFilter {
  query?: string | undefined;
  stage?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const itemColumns = [
  'kind', 'id', 'created_at', 'remote_updated_at', 'email', 'name', 'company', 'product', 'message', 'stage', 'stage_times', 'stage_reason', 'notes',
  'value_minor', 'currency', 'budget_minor', 'budget_currency', 'due_date', 'source', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content',
  'stripe_customer_id', 'stripe_payment_id', 'pulled_at',
] as const;

/** Columns a pull never overwrites while a founder change to them waits to be written. */
const columnsOf: Record<FounderField, readonly string[]> = {
  stage: ['stage'],
  stageTimes: ['stage_times'],
  stageReason: ['stage_reason'],
  notes: ['notes'],
  value: ['value_minor', 'currency'],
  stripeCustomerId: ['stripe_customer_id'],
  stripePaymentId: ['stripe_payment_id'],
};

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const at = cursor.indexOf(':');
  const createdAt = Number(cursor.slice(0, at));
  if (at <= 0 || !Number.isSafeInteger(createdAt)) throw badInput('cursor', 'is not a cursor this list gave (nextCursor)');
  return { createdAt, id: cursor.slice(at + 1) };
}

/** The local pipeline tables: items, the change log/outbox and the sync state. */
export class PipelineStore {
  constructor(private readonly db: Db) {}

  get(kind: PipelineKind, id: string): ItemRow | undefined {
    return this.db.prepare('SELECT * FROM pipeline_items WHERE kind = ? AND id = ?').get(kind, id) as ItemRow | undefined;
  }

  require(kind: PipelineKind, id: string): ItemRow {
    const row = this.get(kind, id);
    if (!row) throw new CoreError('NOT_FOUND', `id: no ${kind === 'lead' ? 'lead' : 'DFY request'} ${id} here (pull first: levqor revenue sync pipeline)`, 'id');
    return row;
  }

  /** Newest first; the cursor is the last row's `created_at:id`. */
  list(kind: PipelineKind, filter: ListFilter): { rows: ItemRow[]; nextCursor?: string } {
    const where = ['kind = @kind'];
    const params: Record<string, unknown> = { kind, limit: filter.limit + 1 };
    if (filter.stage) {
      where.push('stage = @stage');
      params.stage = filter.stage;
    }
    if (filter.query) {
      where.push("(instr(lower(email || ' ' || coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(product, '') || ' ' || coalesce(notes, '')), lower(@query)) > 0)");
      params.query = filter.query;
    }
    if (filter.cursor) {
      const c = decodeCursor(filter.cursor);
      where.push('(created_at, id) < (@cAt, @cId)');
      params.cAt = c.createdAt;
      params.cId = c.id;
    }
    const rows = this.db.prepare(`SELECT * FROM pipeline_items WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`).all(params) as ItemRow[];
    if (rows.length <= filter.limit) return { rows };
    rows.pop();
    const last = rows.at(-1)!;
    return { rows, nextCursor: `${last.created_at}:${last.id}` };
  }

  /** Each item's stage and stage times, for the stats. */
  histories(kind: PipelineKind): Array<{ stage: string; stageTimes: Record<string, number> }> {
    const rows = this.db.prepare('SELECT stage, stage_times FROM pipeline_items WHERE kind = ?').all(kind) as Array<{ stage: string; stage_times: string }>;
    return rows.map((r) => ({ stage: r.stage, stageTimes: JSON.parse(r.stage_times) as Record<string, number> }));
  }

  pendingCount(kind: PipelineKind, id: string): number {
    return this.db.prepare("SELECT count(*) FROM pipeline_changes WHERE kind = ? AND item_id = ? AND state = 'pending'").pluck().get(kind, id) as number;
  }

  /** A founder change: the local row and its outbox row, in one transaction. */
  recordChange(kind: PipelineKind, id: string, changeId: string, changes: Changes, at: number): void {
    const set: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(changes) as Array<[FounderField, { to: unknown }]>) Object.assign(set, founderColumns(field, change.to));
    const assignments = Object.keys(set).map((c) => `${c} = @${c}`).join(', ');
    this.db.transaction(() => {
      this.db.prepare(`UPDATE pipeline_items SET ${assignments} WHERE kind = @kind AND id = @id`).run({ ...set, kind, id });
      this.db.prepare('INSERT INTO pipeline_changes (id, kind, item_id, changes, at) VALUES (?, ?, ?, ?, ?)').run(changeId, kind, id, JSON.stringify(changes), at);
    })();
  }

  /**
   * A pulled page with its cursor, in one transaction. An item's founder fields with a change
   * still waiting to be written keep their local value (the write-back settles them).
   * Returns the rows before and after, and the stage the remote row has, for the events.
   */
  storePulled(items: readonly PulledItem[], cursorKey: string, cursor: string, now: number): PulledRow[] {
    const insert = this.db.prepare(`INSERT OR REPLACE INTO pipeline_items (${itemColumns.join(', ')}) VALUES (${itemColumns.map((c) => `@${c}`).join(', ')})`);
    const pendingOf = this.db.prepare("SELECT changes FROM pipeline_changes WHERE kind = ? AND item_id = ? AND state = 'pending'").pluck();
    return this.db.transaction(() => {
      const out: PulledRow[] = [];
      for (const item of items) {
        const before = this.get(item.kind, item.id);
        const after: ItemRow = { ...item, pulled_at: now };
        if (before) {
          for (const changes of pendingOf.all(item.kind, item.id) as string[]) {
            for (const field of Object.keys(JSON.parse(changes) as Changes) as FounderField[]) {
              for (const column of columnsOf[field]) (after as unknown as Record<string, unknown>)[column] = (before as unknown as Record<string, unknown>)[column];
            }
          }
        }
        insert.run(after);
        out.push({ before, after, remoteStage: item.stage });
      }
      this.setState(cursorKey, cursor);
      return out;
    })();
  }

  pending(limit: number): ChangeRow[] {
    return this.db.prepare("SELECT * FROM pipeline_changes WHERE state = 'pending' ORDER BY id LIMIT ?").all(limit) as ChangeRow[];
  }

  countPending(): number {
    return this.db.prepare("SELECT count(*) FROM pipeline_changes WHERE state = 'pending'").pluck().get() as number;
  }

  settle(id: string, state: 'applied' | 'conflict', outcome: unknown, now: number): void {
    this.db.prepare('UPDATE pipeline_changes SET state = ?, outcome = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?').run(state, JSON.stringify(outcome), now, id);
  }

  failed(id: string, error: string): void {
    this.db.prepare('UPDATE pipeline_changes SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error, id);
  }

  changesOf(kind: PipelineKind, id: string): ChangeRow[] {
    return this.db.prepare('SELECT * FROM pipeline_changes WHERE kind = ? AND item_id = ? ORDER BY id DESC').all(kind, id) as ChangeRow[];
  }

  /** Records that `dfy.paid` was sent for this request; false when it had been already. */
  markPaidAnnounced(id: string, at: number): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO dfy_paid_announced (id, at) VALUES (?, ?)').run(id, at).changes > 0;
  }

  getState(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM pipeline_sync_state WHERE key = ?').pluck().get(key) as string | undefined;
  }

  setState(key: string, value: string): void {
    this.db.prepare('INSERT INTO pipeline_sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
