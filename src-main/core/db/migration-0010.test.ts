import { describe, expect, it } from 'vitest';
import { dataDirBefore } from '../../../tests/helpers/data-dir-before';
import { createCore } from '../index';

describe('migration 10 (telemetry made ids)', () => {
  it('keeps every row and its seq; rows stored before keep their unique check; made ids skip it', () => {
    const { dir, db } = dataDirBefore(10);
    const id = '01960000-0000-7000-8000-000000000001';
    db.prepare(
      `INSERT INTO telemetry_logs (seq, id, ts, level, source, message, fingerprint, origin) VALUES (7, ?, 1000, 'info', 'site', 'hello', 'f1', 0), (9, ?, 2000, 'error', 'site', 'boom', 'f2', 1)`,
    ).run(id, '01960000-0000-7000-8000-000000000002');
    db.close();

    const core = createCore({ dataDir: dir, logToFile: false, env: {} });
    try {
      const stored = core.db.prepare('SELECT seq, id, origin, id_given FROM telemetry_logs ORDER BY seq').all();
      expect(stored).toEqual([
        { seq: 7, id, origin: 0, id_given: 1 },
        { seq: 9, id: '01960000-0000-7000-8000-000000000002', origin: 1, id_given: 1 },
      ]);
      // a row stored before the migration is still recognised when it is sent again
      expect(core.telemetry.ingestValues([{ id, ts: Date.now(), level: 'info', message: 'hello again' }])).toEqual({ accepted: 0, duplicates: 1 });
      // rows without an id get one made here, stored without the unique check
      expect(core.telemetry.ingestValues([{ level: 'info', message: 'new' }, { level: 'info', message: 'new' }])).toEqual({ accepted: 2, duplicates: 0 });
      const made = core.db.prepare(`SELECT ${core.telemetry.rowId} AS id, id_given FROM telemetry_logs WHERE message = ?`).all('new') as { id: string; id_given: number }[];
      expect(made.map((r) => r.id_given)).toEqual([0, 0]);
      expect(new Set(made.map((r) => r.id)).size).toBe(2);
      // the index only covers rows that came with their id
      const plan = core.db.prepare("EXPLAIN QUERY PLAN SELECT 1 FROM telemetry_logs WHERE id = ? AND id_given = 1").all('x') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('telemetry_logs_given_id');
    } finally {
      core.close();
    }
  });
});
