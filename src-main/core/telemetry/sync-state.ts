import type { Db } from '../db/open';
import { uuidv7 } from '../ids';

/** Sync cursors and bookkeeping, one row each, beside the telemetry tables. */
export class SyncState {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM telemetry_sync_state WHERE key = ?').pluck().get(key) as string | undefined;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO telemetry_sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * This install's id: rows it pushed carry it, so pulling never brings them back, and made
   * row ids hold part of it (made-id.ts). Made once; two processes starting together agree on
   * the first one written.
   */
  nodeId(now: number): string {
    const id = this.get('node.id');
    if (id) return id;
    this.db.prepare("INSERT INTO telemetry_sync_state (key, value) VALUES ('node.id', ?) ON CONFLICT (key) DO NOTHING").run(uuidv7(now));
    return this.get('node.id')!;
  }

  get pushSeq(): number {
    return Number(this.get('push.seq') ?? 0);
  }

  /** (txid, seq) of the last remote row pulled. */
  get pullCursor(): { txid: string; seq: string } {
    const [txid = '0', seq = '0'] = (this.get('pull.cursor') ?? '0:0').split(':');
    return { txid, seq };
  }

  setPullCursor(c: { txid: string; seq: string }): void {
    this.set('pull.cursor', `${c.txid}:${c.seq}`);
  }
}
