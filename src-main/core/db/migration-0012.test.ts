import { describe, expect, it } from 'vitest';
import { dataDirBefore } from '../../../tests/helpers/data-dir-before';
import { createCore } from '../index';

describe('migration 12 (telemetry lean rows)', () => {
  it('keeps every stored id, seq and unique check; rows made afterwards store no id', () => {
    const { dir, db } = dataDirBefore(12);
    const given = '01960000-0000-7000-8000-000000000001';
    const madeBefore = '01960000-0000-7000-8000-000000000002';
    db.prepare(
      `INSERT INTO telemetry_logs (seq, id, ts, level, source, message, fingerprint, origin, id_given) VALUES (4, ?, 1000, 'info', 'site', 'given', 'f1', 0, 1), (8, ?, 2000, 'error', 'app', 'made', 'f2', 0, 0)`,
    ).run(given, madeBefore);
    db.close();

    const core = createCore({ dataDir: dir, logToFile: false, env: {} });
    try {
      const read = () => core.db.prepare(`SELECT seq, ${core.telemetry.rowId} AS id, id AS stored, id_given FROM telemetry_logs ORDER BY seq`).all();
      expect(read()).toEqual([
        { seq: 4, id: given, stored: given, id_given: 1 },
        { seq: 8, id: madeBefore, stored: madeBefore, id_given: 0 },
      ]);
      expect(core.telemetry.ingestValues([{ id: given, level: 'info', message: 'given again' }])).toEqual({ accepted: 0, duplicates: 1 });
      core.telemetry.ingestValues([{ level: 'info', message: 'new' }]);
      const [, , fresh] = read() as { seq: number; id: string; stored: string | null }[];
      expect(fresh).toMatchObject({ seq: 9, stored: null, id_given: 0 });
      expect(fresh!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const indexes = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'telemetry_logs' AND sql IS NOT NULL ORDER BY name").pluck().all();
      expect(indexes).toEqual(['telemetry_logs_given_id']);
    } finally {
      core.close();
    }
  });
});
