import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { backupPace } from './snapshot-pace';

let db: Db | undefined;
afterEach(() => db?.close());

/** A 40 MB database of random blobs, and the online backup of it with the pace's choices kept. */
async function backUp(during?: () => void): Promise<number[]> {
  const dir = tempDir();
  db = openDatabase(join(dir, 'levqor.db'));
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2500; i++) insert.run(randomBytes(16_000));
  })();
  const pace = backupPace();
  const chosen: number[] = [];
  let copying = true;
  const busy = () => {
    if (!copying || !during) return;
    during();
    setImmediate(busy);
  };
  setImmediate(busy);
  await db.backup(join(dir, 'copy.db'), { progress: (p) => (chosen.push(pace(p)), chosen.at(-1)!) });
  copying = false;
  return chosen;
}

describe('the pace of the app-data snapshot', () => {
  it('grows its steps to 16 MB when nothing else wants the event loop', async () => {
    const steps = await backUp();
    expect(Math.max(...steps)).toBe(4096);
  });

  it('keeps them small while other work keeps the event loop busy (each turn 8 ms of it)', async () => {
    const steps = await backUp(() => {
      const end = performance.now() + 8;
      while (performance.now() < end);
    });
    // a 16 MB step takes tens of ms, far more than a fifth of 8 ms: the steps settle around a couple of ms
    expect(steps.length).toBeGreaterThan(10);
    expect(Math.max(...steps.slice(10))).toBeLessThanOrEqual(2048);
  });
});
