import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { stageAppData } from './app-snapshot';

let db: Db | undefined;
let writer: Database.Database | undefined;
afterEach(() => {
  writer?.close();
  db?.close();
});

describe('the app data snapshot', () => {
  it('is a consistent copy made while another connection keeps writing, and ends', async () => {
    const dir = tempDir();
    db = openDatabase(join(dir, 'levqor.db'));
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) insert.run(Buffer.alloc(4000, i % 251));
    })();

    // another connection, as the CLI is beside levqor serve: each write between the backup's steps restarts it
    writer = new Database(join(dir, 'levqor.db'));
    const write = writer.prepare('INSERT INTO filler (body) VALUES (?)');
    let writes = 0;
    let writing = true;
    const loop = () => {
      if (!writing) return;
      write.run(Buffer.alloc(4000, 7));
      writes++;
      setImmediate(loop);
    };
    setImmediate(loop);
    const staged = await stageAppData(db, join(dir, 'staging'), join(dir, 'no-products'), Date.UTC(2026, 0, 1));
    writing = false;

    expect(writes).toBeGreaterThan(0);
    expect(staged.paths).toEqual([join(dir, 'staging')]);
    // one self-contained file for restic, no write-ahead log beside it
    expect(existsSync(join(dir, 'staging', 'levqor.db-wal'))).toBe(false);
    const copy = new Database(join(dir, 'staging', 'levqor.db'), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = (copy.prepare('SELECT COUNT(*) AS n FROM filler').get() as { n: number }).n;
      expect(rows).toBeGreaterThanOrEqual(4000);
      expect(rows).toBeLessThanOrEqual(4000 + writes);
    } finally {
      copy.close();
    }
    expect(JSON.parse(readFileSync(join(dir, 'staging', 'manifest.json'), 'utf8'))).toMatchObject({ takenAt: '2026-01-01T00:00:00.000Z', productsDir: null });
  });
});
