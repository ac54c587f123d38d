import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { ParsedBatch } from './parse-batch';
import { RollupAccumulator, RollupWriter } from './rollups';
import { Origin, type TelemetryRow } from './row';
import { BlockBounds } from './time-blocks';
import { madeIdParts } from './made-id';
import { normaliseRow, type NormaliseContext } from './validate';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** Rollups are folded in every this many new rows, keeping memory flat on huge files. */
const flushEvery = 50_000;

/**
 * Stores rows all-or-nothing: a batch runs in one SQLite transaction, so the first bad row
 * (or any failure) leaves no trace. A row that comes with its id is upserted on it: a row seen
 * before is skipped and counted as a duplicate, never stored or rolled up twice — also when the
 * id is one this install made (an export ingested again: madeIdParts). A row whose id is made
 * here is new by construction (migration 0010).
 */
export class TelemetryIngest {
  /** A row that came with its id: stored unless that id is stored already. */
  private readonly insertGiven: Statement;
  /** A row whose id ingest made: new by construction, no unique check to pay. */
  private readonly insertMade: Statement;
  private readonly rollups: RollupWriter;
  private readonly acc = new RollupAccumulator();
  private readonly blocks: BlockBounds;
  /** Whether the row a made id was read from is still stored. */
  private readonly madeRowStored: Statement<[number, number]>;

  /** `node`: this install's node bits (made-id.ts), so its own made ids are known when they come back. */
  constructor(
    private readonly db: Db,
    private readonly node: number,
  ) {
    const insert = `INSERT INTO telemetry_logs (id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, trace_id, meta, origin, id_given)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`;
    this.insertGiven = db.prepare(`${insert}, 1) ON CONFLICT (id) WHERE id_given = 1 DO NOTHING`);
    this.insertMade = db.prepare(`${insert}, 0)`);
    this.madeRowStored = db.prepare('SELECT 1 FROM telemetry_logs WHERE seq = ? AND ts = ? AND id IS NULL');
    this.rollups = new RollupWriter(db);
    this.blocks = new BlockBounds(db);
  }

  /** Validates and stores a parsed batch; throws RowRejected (nothing stored) on the first bad row. */
  ingest(batch: ParsedBatch, ctx: NormaliseContext, origin: Origin = Origin.Local): IngestResult {
    return this.db.transaction(() => {
      this.acc.clear();
      this.blocks.clear();
      let accepted = 0;
      let duplicates = 0;
      const one = (value: unknown, line: number) => {
        if (this.write(normaliseRow(value, ctx, line, batch.unit), origin)) accepted++;
        else duplicates++;
        if (this.acc.size >= flushEvery) this.rollups.flush(this.acc);
      };
      if (batch.unit === 'row') for (let i = 0; i < batch.values.length; i++) one(batch.values[i], i + 1);
      else for (const item of batch.items) one(item.value, item.line);
      this.rollups.flush(this.acc);
      this.blocks.flush();
      return { accepted, duplicates };
    })();
  }

  /** Stores rows already validated (remote pulls, the app's own logs) in one transaction. */
  insertRows(rows: Iterable<TelemetryRow>, origin: Origin, alsoInTransaction?: () => void): IngestResult {
    return this.db.transaction(() => {
      this.acc.clear();
      this.blocks.clear();
      let accepted = 0;
      let duplicates = 0;
      for (const row of rows) {
        if (this.write(row, origin)) accepted++;
        else duplicates++;
        if (this.acc.size >= flushEvery) this.rollups.flush(this.acc);
      }
      this.rollups.flush(this.acc);
      this.blocks.flush();
      alsoInTransaction?.();
      return { accepted, duplicates };
    })();
  }

  private write(row: TelemetryRow, origin: Origin): boolean {
    if (row.id_given === 1 && this.isStoredMadeId(row.id as string)) return false;
    const insert = row.id_given === 1 ? this.insertGiven : this.insertMade;
    const info = insert.run(row.id, row.ts, row.level, row.source, row.message, row.fingerprint, row.endpoint, row.method, row.status, row.duration_ms, row.trace_id, row.meta, origin);
    if (info.changes === 0) return false;
    this.acc.add(row);
    this.blocks.add(info.lastInsertRowid as number, row.ts);
    return true;
  }

  private isStoredMadeId(id: string): boolean {
    const made = madeIdParts(id, this.node);
    return made !== undefined && this.madeRowStored.get(made.seq, made.ts) !== undefined;
  }
}
