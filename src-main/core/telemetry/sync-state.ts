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

  /** This install's id: rows it pushed carry it, so pulling never brings them back. */
  nodeId(now: number): string {
    let id = this.get('node.id');
    if (!id) this.set('node.id', (id = uuidv7(now)));
    return id;
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
