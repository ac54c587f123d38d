import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/**
 * Time lookups over telemetry_logs without an index on ts (migration 0012), the way a
 * PostgreSQL BRIN index works: rows are stored in seq order, which follows time closely
 * (rows arrive roughly as they happen), so each block of 1024 consecutive seqs keeps the
 * lowest and highest ts it holds in `telemetry_blocks`. A time range reads the blocks whose
 * bounds overlap it, each by its rowid range, and checks ts on the rows. An index entry per
 * row cost ingest about a sixth of its time; a block costs one upsert per batch.
 *
 * Bounds are widened in the transaction that stores the rows and recomputed by retention after
 * it deletes, so a block's bounds always cover its rows. Rows that arrive far out of order
 * (a file of last year's events) only make their blocks wider: still found, slightly more read.
 */
export const blockRows = 1024;

/**
 * FROM/WHERE for the rows of [?, ?) in time, as `t`, through their blocks; binds from, to,
 * from, to. Append further conditions with AND. SQLite reads the few matching blocks first,
 * then each block's rows by rowid range. NOT INDEXED because otherwise, given a level or
 * fingerprint condition, SQLite may build an automatic index over the whole table first
 * (≈ 200 ms at 1M rows); the rowid range is still used.
 */
export const rowsInTimeSql = `telemetry_blocks b CROSS JOIN telemetry_logs t NOT INDEXED ON t.seq >= b.block * ${blockRows} AND t.seq < (b.block + 1) * ${blockRows}
  WHERE b.max_ts >= ? AND b.min_ts < ? AND t.ts >= ? AND t.ts < ?`;

/** Widens block bounds as rows are stored; `flush` writes them inside the storing transaction. */
export class BlockBounds {
  private readonly bounds = new Map<number, { min: number; max: number }>();
  private lastBlock = Number.NaN;
  private last: { min: number; max: number } | undefined;
  private readonly upsert: Statement;

  constructor(db: Db) {
    this.upsert = db.prepare(
      'INSERT INTO telemetry_blocks (block, min_ts, max_ts) VALUES (?, ?, ?) ON CONFLICT (block) DO UPDATE SET min_ts = min(min_ts, excluded.min_ts), max_ts = max(max_ts, excluded.max_ts)',
    );
  }

  add(seq: number, ts: number): void {
    const block = Math.floor(seq / blockRows);
    let b = this.last;
    if (block !== this.lastBlock || b === undefined) {
      b = this.bounds.get(block);
      if (!b) this.bounds.set(block, (b = { min: ts, max: ts }));
      this.lastBlock = block;
      this.last = b;
    }
    if (ts < b.min) b.min = ts;
    else if (ts > b.max) b.max = ts;
  }

  flush(): void {
    for (const [block, b] of this.bounds) this.upsert.run(block, b.min, b.max);
    this.clear();
  }

  clear(): void {
    this.bounds.clear();
    this.lastBlock = Number.NaN;
    this.last = undefined;
  }
}

/** After rows older than `cutoff` were deleted: empty blocks go, the others' bounds are recomputed. */
export function tightenBlocks(db: Db, cutoff: number): void {
  const range = `seq >= telemetry_blocks.block * ${blockRows} AND seq < (telemetry_blocks.block + 1) * ${blockRows}`;
  db.transaction(() => {
    db.prepare(`DELETE FROM telemetry_blocks WHERE min_ts < ? AND NOT EXISTS (SELECT 1 FROM telemetry_logs WHERE ${range})`).run(cutoff);
    db.prepare(`UPDATE telemetry_blocks SET min_ts = (SELECT min(ts) FROM telemetry_logs WHERE ${range}), max_ts = (SELECT max(ts) FROM telemetry_logs WHERE ${range}) WHERE min_ts < ?`).run(cutoff);
  })();
}

/** The oldest and newest ts stored, from the block bounds (exact: retention recomputes them). */
export function storedTimeSpan(db: Db): { oldest: number; newest: number } | undefined {
  const span = db.prepare('SELECT min(min_ts) AS oldest, max(max_ts) AS newest FROM telemetry_blocks').get() as { oldest: number | null; newest: number | null };
  return span.oldest === null || span.newest === null ? undefined : { oldest: span.oldest, newest: span.newest };
}

// a level filter asks once per stretch of time: one prepared statement per connection
const blocksStatements = new WeakMap<Db, Statement>();

function blocksNewestFirst(db: Db): Statement {
  let statement = blocksStatements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT block, max_ts FROM telemetry_blocks WHERE max_ts >= ? AND min_ts < ? ORDER BY max_ts DESC').raw(true);
    blocksStatements.set(db, statement);
  }
  return statement;
}

interface Ordered {
  ts: number;
  seq: number;
}

/**
 * The newest `limit` rows in [from, to) that `rowsOfBlock` returns, ordered by (ts, seq)
 * descending. Blocks are read newest bound first, and reading stops once no block left can
 * hold a row newer than the `limit`th found: in-order data costs a block or two a page.
 * `rowsOfBlock(firstSeq, endSeq, limit)` must return its block's matching rows in [from, to),
 * newest first, at most `limit`.
 */
export function newestInTime<T extends Ordered>(db: Db, from: number, to: number, limit: number, rowsOfBlock: (firstSeq: number, endSeq: number, limit: number) => T[]): T[] {
  if (limit <= 0 || from >= to) return [];
  const blocks = blocksNewestFirst(db).iterate(from, to) as IterableIterator<[number, number]>;
  let best: T[] = [];
  for (const [block, maxTs] of blocks) {
    // ties on ts are ordered by seq, so a block whose newest equals the last kept row may still beat it
    if (best.length >= limit && maxTs < best[limit - 1]!.ts) break;
    const found = rowsOfBlock(block * blockRows, (block + 1) * blockRows, limit);
    if (found.length > 0) best = mergeNewest(best, found, limit);
  }
  return best;
}

function mergeNewest<T extends Ordered>(a: T[], b: T[], limit: number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && (x.ts > y.ts || (x.ts === y.ts && x.seq > y.seq)))) {
      out.push(x!);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
