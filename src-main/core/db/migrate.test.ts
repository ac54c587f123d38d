import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { openDatabase } from './open';
import { migrate } from './migrate';
import { latestSchemaVersion, migrations } from './migrations';
import { createCore } from '..';

describe('migrations', () => {
  it('brings a new file to the latest schema, once', () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    const first = migrate(db);
    expect(first).toEqual({ from: 0, to: latestSchemaVersion, applied: migrations.map((m) => m.version) });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(migrate(db).applied).toEqual([]);
    db.close();
  });

  it('opens with WAL and foreign keys on, and incremental auto-vacuum', () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    migrate(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves the file untouched', () => {
    const db = openDatabase(join(tempDir(), 'a.db'));
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE one (id INTEGER PRIMARY KEY);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE two (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer build, with a clear message, and changes nothing', () => {
    const dataDir = tempDir();
    createCore({ dataDir, logToFile: false }).close();
    const db = openDatabase(join(dataDir, 'levqor.db'));
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    expect(() => createCore({ dataDir, logToFile: false })).toThrow(
      expect.objectContaining({ code: 'SCHEMA_TOO_NEW', message: expect.stringContaining(`schema ${latestSchemaVersion + 5}`) }),
    );
    const after = openDatabase(join(dataDir, 'levqor.db'));
    expect(after.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 5);
    after.close();
  });
});
