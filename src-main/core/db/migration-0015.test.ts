import { describe, expect, it } from 'vitest';
import { dataDirBefore } from '../../../tests/helpers/data-dir-before';
import { createCore } from '../index';

const t0 = Date.UTC(2026, 4, 1, 10, 0, 0);

describe('migration 15 (telemetry rollups by owner)', () => {
  it('moves the app\u2019s share of the stored rollups to own = 1, from the raw rows still kept', () => {
    const { dir, db } = dataDirBefore(15);
    const row = db.prepare('INSERT INTO telemetry_logs (seq, id, ts, level, source, message, fingerprint, endpoint, method, status, duration_ms, origin, id_given) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)');
    // one minute: two app warnings, one app API call, one site error on its own endpoint
    row.run(1, 'a1', t0 + 1000, 'warn', 'app', 'remote postgres: retrying', 'fp-retry', null, null, null, null);
    row.run(2, 'a2', t0 + 2000, 'warn', 'app', 'remote postgres: retrying', 'fp-retry', null, null, null, null);
    row.run(3, 'a3', t0 + 3000, 'info', 'app', 'call', 'fp-call', '/api/stage.set', 'POST', 200, 4);
    row.run(4, 's1', t0 + 4000, 'error', 'site', 'checkout failed', 'fp-site', '/checkout', 'POST', 500, 40);
    for (const grain of ['minute', 'hour', 'day']) {
      const bucket = grain === 'minute' ? t0 : grain === 'hour' ? t0 : Date.UTC(2026, 4, 1);
      db.prepare('INSERT INTO telemetry_rollup_levels (grain, bucket, level, n) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)').run(grain, bucket, 'warn', 2, grain, bucket, 'info', 1, grain, bucket, 'error', 1);
      db.prepare('INSERT INTO telemetry_rollup_fingerprints (grain, bucket, fingerprint, n) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)').run(grain, bucket, 'fp-retry', 2, grain, bucket, 'fp-call', 1, grain, bucket, 'fp-site', 1);
      db.prepare("INSERT INTO telemetry_rollup_endpoints (grain, bucket, endpoint, method, n, errors, dur_n, dur_sum, dur_max, hist) VALUES (?, ?, '/api/stage.set', 'POST', 1, 0, 1, 4, 4, '{}'), (?, ?, '/checkout', 'POST', 1, 1, 1, 40, 40, '{}')").run(grain, bucket, grain, bucket);
    }
    db.close();

    const core = createCore({ dataDir: dir, logToFile: false, env: {} });
    try {
      const all = (table: string, key: string) => core.db.prepare(`SELECT grain, ${key} AS key, own, n FROM ${table} ORDER BY grain, key, own`).all();
      const levels = all('telemetry_rollup_levels', 'level');
      expect(levels.filter((r) => (r as { grain: string }).grain === 'minute')).toEqual([
        { grain: 'minute', key: 'error', own: 0, n: 1 },
        { grain: 'minute', key: 'info', own: 1, n: 1 },
        { grain: 'minute', key: 'warn', own: 1, n: 2 },
      ]);
      expect(levels).toHaveLength(9);
      expect(all('telemetry_rollup_fingerprints', 'fingerprint').filter((r) => (r as { grain: string }).grain === 'day')).toEqual([
        { grain: 'day', key: 'fp-call', own: 1, n: 1 },
        { grain: 'day', key: 'fp-retry', own: 1, n: 2 },
        { grain: 'day', key: 'fp-site', own: 0, n: 1 },
      ]);
      expect(all('telemetry_rollup_endpoints', 'endpoint').filter((r) => (r as { grain: string }).grain === 'hour')).toEqual([
        { grain: 'hour', key: '/api/stage.set', own: 1, n: 1 },
        { grain: 'hour', key: '/checkout', own: 0, n: 1 },
      ]);
      const index = core.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'telemetry_rollup_fingerprints_by_fingerprint'").pluck().get();
      expect(index).toContain('(fingerprint, grain, bucket)');
      // every grain still counts all four rows, split by owner
      expect(core.db.prepare('SELECT grain, sum(n) AS n FROM telemetry_rollup_levels GROUP BY grain ORDER BY grain').all()).toEqual(['day', 'hour', 'minute'].map((grain) => ({ grain, n: 4 })));
      // and new rows go on being counted by owner
      core.telemetry.ingestValues([{ ts: t0 + 5000, level: 'warn', source: 'app', message: 'remote postgres: retrying' }]);
      expect(core.db.prepare("SELECT n FROM telemetry_rollup_levels WHERE grain = 'minute' AND level = 'warn' AND own = 1").pluck().get()).toBe(3);
      expect(core.db.prepare("SELECT count(*) FROM telemetry_rollup_levels WHERE grain = 'minute' AND level = 'warn' AND own = 0").pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });
});
