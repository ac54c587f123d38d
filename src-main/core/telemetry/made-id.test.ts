import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { createCore, ManualClock, type Core } from '..';
import { madeIdParts, nodeBits, rowIdSql } from './made-id';

const uuidv7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const now = Date.UTC(2026, 10, 29, 12);

function open(dir = tempDir()): Core {
  return createCore({ dataDir: dir, env: {}, clock: new ManualClock(now), logToFile: false });
}

/** id, ts and seq of every stored row, ids as the telemetry service reads them. */
function stored(core: Core): { id: string; ts: number; seq: number; stored: string | null }[] {
  return core.db.prepare(`SELECT ${core.telemetry.rowId} AS id, ts, seq, id AS stored FROM telemetry_logs ORDER BY seq`).all() as never;
}

describe('ids of rows made here', () => {
  it('are not stored, and read back as UUIDv7 carrying the row\u2019s time, its seq and the node', () => {
    const core = open();
    try {
      const ts = now - 60_000;
      core.telemetry.ingestValues([
        { ts, level: 'info', message: 'a' },
        { ts, level: 'info', message: 'b' },
        { ts: ts + 1, level: 'warn', message: 'c' },
      ]);
      const rows = stored(core);
      expect(rows.map((r) => r.stored)).toEqual([null, null, null]);
      const node = core.db.prepare("SELECT value FROM telemetry_sync_state WHERE key = 'node.id'").pluck().get() as string;
      for (const r of rows) {
        expect(r.id).toMatch(uuidv7);
        const hex = r.id.replaceAll('-', '');
        expect(Number.parseInt(hex.slice(0, 12), 16)).toBe(r.ts);
        // 12 bits after the version, 14 after the variant, 16 before the node: the seq
        const seq = (Number.parseInt(hex.slice(13, 16), 16) * 2 ** 30) + ((Number.parseInt(hex.slice(16, 20), 16) & 0x3fff) << 16) + Number.parseInt(hex.slice(20, 24), 16);
        expect(seq).toBe(r.seq);
        expect(hex.slice(24)).toBe(node.replaceAll('-', '').slice(-8));
      }
      // distinct, and in the order the rows were made
      expect(new Set(rows.map((r) => r.id)).size).toBe(3);
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort());
      // the explorer shows the same ids, every time it is asked
      const page = core.telemetry.query({ limit: 10 });
      expect(page.rows.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(core.telemetry.query({ limit: 10 }).rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    } finally {
      core.close();
    }
  });

  it('keep an id the row came with, and differ between installs for the same rows', () => {
    const a = open();
    const b = open();
    try {
      const given = '01960000-0000-7000-8000-0000000000aa';
      const rows = [{ ts: now - 5_000, level: 'info', message: 'same' }, { id: given.toUpperCase(), ts: now - 4_000, level: 'info', message: 'given' }];
      a.telemetry.ingestValues(rows);
      b.telemetry.ingestValues(rows);
      const [madeA, givenA] = stored(a);
      const [madeB] = stored(b);
      expect(givenA).toMatchObject({ id: given, stored: given });
      expect(madeA!.seq).toBe(madeB!.seq);
      expect(madeA!.id).not.toBe(madeB!.id);
      // a given id sent again is recognised
      expect(a.telemetry.ingestValues([{ id: givenA!.id, ts: now - 4_000, level: 'info', message: 'given' }])).toEqual({ accepted: 0, duplicates: 1 });
    } finally {
      a.close();
      b.close();
    }
  });

  it('are duplicates when an export of them is ingested again, in this install; another install stores them', () => {
    const a = open();
    const b = open();
    try {
      const ts = now - 60_000;
      a.telemetry.ingestValues([
        { ts, level: 'info', source: 'shop', message: 'one' },
        { ts, level: 'warn', source: 'shop', message: 'two' },
        { ts: ts + 5, level: 'error', source: 'shop', message: 'three' },
      ]);
      // an export: the rows as the explorer shows them, ids included
      const exported = a.telemetry.query({ limit: 10 }).rows.map((r) => ({ id: r.id, ts: r.ts, level: r.level, source: r.source, message: r.message }));
      const ndjson = exported.map((r) => JSON.stringify(r)).join('\n');
      expect(a.telemetry.ingestText(ndjson)).toEqual({ accepted: 0, duplicates: 3 });
      expect(a.telemetry.ingestValues(exported.map((r) => ({ ...r, id: r.id.toUpperCase() })))).toEqual({ accepted: 0, duplicates: 3 });
      expect(stored(a)).toHaveLength(3);
      expect(new Set(a.telemetry.query({ limit: 10 }).rows.map((r) => r.id)).size).toBe(3);
      // the same ids are new to another install, once
      expect(b.telemetry.ingestText(ndjson)).toEqual({ accepted: 3, duplicates: 0 });
      expect(b.telemetry.ingestText(ndjson)).toEqual({ accepted: 0, duplicates: 3 });
    } finally {
      a.close();
      b.close();
    }
  });

  it('are the same after the data dir is reopened', () => {
    const dir = tempDir();
    let before: string[];
    const first = open(dir);
    try {
      first.telemetry.ingestValues([{ level: 'info', message: 'x' }, { level: 'error', message: 'y' }]);
      before = stored(first).map((r) => r.id);
    } finally {
      first.close();
    }
    const again = open(dir);
    try {
      expect(stored(again).map((r) => r.id)).toEqual(before);
    } finally {
      again.close();
    }
  });

  it('refuse a node that is not 32 bits, and read the node from a UUID\u2019s last 8 hex digits', () => {
    expect(nodeBits('01960000-0000-7000-8000-0000deadbeef')).toBe(0xdeadbeef);
    expect(() => nodeBits('not-hex!')).toThrow(/does not end in 8 hex digits/);
    expect(() => nodeBits('0196-abc-zzzz')).toThrow(/does not end in 8 hex digits/);
    expect(() => rowIdSql(-1)).toThrow(/32-bit/);
    expect(() => rowIdSql(2 ** 32)).toThrow(/32-bit/);
    expect(() => rowIdSql(1.5)).toThrow(/32-bit/);
  });

  it('read ts and seq back from a made id of this node only', () => {
    const node = 0xdeadbeef;
    const core = open();
    try {
      core.telemetry.ingestValues([{ ts: now - 1, level: 'info', message: 'x' }]);
      const [row] = stored(core);
      const own = nodeBits(core.db.prepare("SELECT value FROM telemetry_sync_state WHERE key = 'node.id'").pluck().get() as string);
      expect(madeIdParts(row!.id, own)).toEqual({ ts: row!.ts, seq: row!.seq });
      expect(madeIdParts(row!.id, node)).toBeUndefined();
      expect(madeIdParts('not-a-uuid', own)).toBeUndefined();
      expect(madeIdParts(row!.id.replace(/^(.{14})7/, '$14'), own)).toBeUndefined();
    } finally {
      core.close();
    }
  });
});
