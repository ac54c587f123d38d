import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor, startServe } from '../helpers/cli';
import { usePostgres } from '../helpers/postgres';

beforeAll(assertBuilt);
const pg = usePostgres();

const day = 86_400_000;

function ndjson(dir: string, name: string, lines: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

describe('levqor telemetry', () => {
  it('ingest FILE stores all rows or, on a bad line, none (exit 2 naming line and field); report and anomalies print JSON', () => {
    const dataDir = tempDir();
    const yesterday = Math.floor(Date.now() / day) * day - day;
    const rows = Array.from({ length: 500 }, (_, i) => ({ ts: yesterday + i * 60_000, level: i % 50 === 0 ? 'error' : 'info', message: `request ${i} done`, endpoint: '/api/x', method: 'GET', status: i % 50 === 0 ? 500 : 200, duration_ms: 10 + (i % 7) }));
    const good = ndjson(dataDir, 'good.ndjson', rows);
    const ok = levqor(['--data-dir', dataDir, 'telemetry', 'ingest', good, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ accepted: 500, duplicates: 0 });

    const bad = ndjson(dataDir, 'bad.ndjson', [{ level: 'info', message: 'fine' }, { level: 'info', message: 'fine' }, { level: 'shout', message: 'no' }]);
    const rejected = levqor(['--data-dir', dataDir, 'telemetry', 'ingest', bad]);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr.trim()).toMatch(/^levqor: line 3: level: must be one of/);

    const report = levqor(['--data-dir', dataDir, 'telemetry', 'report', '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ date: new Date(yesterday).toISOString().slice(0, 10), total: { count: 500, previous: 0 } });
    expect(levqor(['--data-dir', dataDir, 'telemetry', 'report', '--date', '2026-13-01']).code).toBe(2);
    expect(levqor(['--data-dir', dataDir, 'telemetry', 'report']).stdout).toContain('Top errors:');

    const anomalies = levqor(['--data-dir', dataDir, 'telemetry', 'anomalies', '--since', '7d', '--json']);
    expect(anomalies.code).toBe(0);
    expect(JSON.parse(anomalies.stdout)).toEqual({ anomalies: expect.any(Array) });
    expect(levqor(['--data-dir', dataDir, 'telemetry', 'anomalies', '--since', 'lately']).code).toBe(2);
  });

  it('sync --json prints { pushed, pulled, lagRows }; a wrong password is a clear error (exit 1) and local data stays', async () => {
    const dataDir = tempDir();
    const url = await pg.createDatabase('cli_sync');
    const file = ndjson(dataDir, 'rows.ndjson', Array.from({ length: 300 }, (_, i) => ({ level: 'info', message: `row ${i}` })));
    expect(levqor(['--data-dir', dataDir, 'telemetry', 'ingest', file]).code).toBe(0);

    const wrong = levqor(['--data-dir', dataDir, 'telemetry', 'sync'], { env: { LEVQOR_DATABASE_URL: pg.url('cli_sync', 'not-the-password') } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('refused the password');
    expect(wrong.stderr).not.toContain('not-the-password');

    const none = levqor(['--data-dir', dataDir, 'telemetry', 'sync'], { env: { LEVQOR_DATABASE_URL: '' } });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No remote Postgres is configured');

    const sync = levqor(['--data-dir', dataDir, 'telemetry', 'sync', '--json'], { env: { LEVQOR_DATABASE_URL: url } });
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toEqual({ pushed: 300, pulled: 0, lagRows: 0 });
    const status = levqor(['--data-dir', dataDir, 'remote', 'status', '--json'], { env: { LEVQOR_DATABASE_URL: url } });
    expect(JSON.parse(status.stdout)).toMatchObject({ configured: true, lag: { pushPending: 0 }, lastSyncAt: expect.any(Number) });
    expect(await pg.query('SELECT count(*)::int AS n FROM telemetry_logs', [], 'cli_sync')).toEqual([{ n: 300 }]);
  });

  it('levqor serve takes batches at /ingest/telemetry with the token and syncs in the background', async () => {
    const dataDir = tempDir();
    const url = await pg.createDatabase('serve_sync');
    expect(levqor(['--data-dir', dataDir, 'settings', 'set', 'telemetry.syncIntervalSeconds', '1']).code).toBe(0);
    const server = await startServe(dataDir, { LEVQOR_DATABASE_URL: url });
    try {
      const body = Array.from({ length: 50 }, (_, i) => JSON.stringify({ level: 'warn', message: `served ${i}` })).join('\n');
      const res = await fetch(`${server.base}ingest/telemetry`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/x-ndjson' }, body });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ accepted: 50, duplicates: 0 });
      expect((await fetch(`${server.base}ingest/telemetry`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body })).status).toBe(401);
      let n = 0;
      for (let i = 0; i < 100 && n < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        n = (await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM telemetry_logs WHERE message LIKE 'served %'", [], 'serve_sync').catch(() => [{ n: 0 }]))[0]!.n;
      }
      expect(n).toBe(50);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
