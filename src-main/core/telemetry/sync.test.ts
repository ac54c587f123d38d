import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { usePostgres } from '../../../tests/helpers/postgres';
import { traffic } from '../../../tests/helpers/traffic';
import { createCore, type Core } from '..';

const pg = usePostgres();

/** A core whose remote Postgres is a fresh database `name`, closed when `body` is done. */
async function withRemote(name: string, body: (core: Core, url: string) => Promise<void>): Promise<void> {
  const url = await pg.createDatabase(name);
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_DATABASE_URL: url }, logToFile: false });
  try {
    await body(core, url);
  } finally {
    core.close();
  }
}

function ingestTraffic(core: Core, from: number, minutes: number, perMinute: number, seed: number): number {
  const rows = [...traffic(from, from + minutes * 60_000, { perMinute, seed })];
  for (let i = 0; i < rows.length; i += 50_000) core.telemetry.ingestValues(rows.slice(i, i + 50_000));
  return rows.length;
}

/** Rows "the hosted site" writes straight into the remote table. */
async function siteRows(url: string, n: number): Promise<void> {
  const db = new URL(url).pathname.slice(1);
  await pg.query(
    `INSERT INTO telemetry_logs (ts, level, source, message, endpoint, method, status, duration_ms, meta)
     SELECT now() - i * interval '1 second', CASE WHEN i % 50 = 0 THEN 'error' ELSE 'info' END, 'site', 'site page ' || i || ' rendered',
            '/p/:slug', 'GET', CASE WHEN i % 50 = 0 THEN 503 ELSE 200 END, (i % 300) + 0.5, jsonb_build_object('i', i)
     FROM generate_series(1, $1::int) i`,
    [n],
    db,
  );
}

async function remoteIds(url: string): Promise<string[]> {
  const rows = await pg.query<{ id: string }>('SELECT id::text AS id FROM telemetry_logs ORDER BY id', [], new URL(url).pathname.slice(1));
  return rows.map((r) => r.id);
}

function localIds(core: Core): string[] {
  return core.db.prepare(`SELECT ${core.telemetry.rowId} AS id FROM telemetry_logs ORDER BY id`).pluck().all() as string[];
}

describe('telemetry sync with the remote Postgres', () => {
  it('pushes local rows and pulls the site\u2019s, idempotently, resuming from its cursors', async () => {
    await withRemote('sync_basic', async (core, url) => {
      await core.remote.check();
      await siteRows(url, 500);
      const local = ingestTraffic(core, Date.now() - 3_600_000, 30, 40, 1);
      const first = await core.telemetry.sync();
      expect(first).toMatchObject({ pushed: local, pulled: 500, lagRows: 0, skipped: 0 });
      expect(await core.telemetry.sync()).toMatchObject({ pushed: 0, pulled: 0, lagRows: 0 });

      await siteRows(url, 20);
      ingestTraffic(core, Date.now() - 600_000, 1, 10, 2);
      const second = await core.telemetry.sync();
      expect(second.pulled).toBe(20);
      expect(second.pushed).toBeGreaterThan(0);
      expect(await remoteIds(url)).toEqual(localIds(core));
      // pulled rows are kept with their remote origin, and are never pushed back
      expect(core.db.prepare('SELECT count(*) FROM telemetry_logs WHERE origin = 1').pluck().get()).toBe(520);
      const pulled = core.telemetry.query({ source: 'site', limit: 1, levels: ['error'] }).rows[0]!;
      expect(pulled).toMatchObject({ origin: 'remote', status: 503, endpoint: '/p/:slug', meta: { i: expect.any(Number) } });
      expect(core.telemetry.lag()).toMatchObject({ pushPending: 0, pullPending: 0 });

      // a lost push cursor re-sends everything: the upsert on id stores none of it twice
      core.db.prepare("UPDATE telemetry_sync_state SET value = '0' WHERE key = 'push.seq'").run();
      const again = await core.telemetry.sync();
      expect(again.pushed).toBe(core.db.prepare('SELECT count(*) FROM telemetry_logs WHERE origin = 0').pluck().get());
      expect(await remoteIds(url)).toEqual(localIds(core));
    });
  });

  it('survives the server being killed several times during a sync of 100k rows: nothing lost, nothing doubled', async () => {
    await withRemote('sync_fault', async (core, url) => {
      await core.remote.check();
      await siteRows(url, 20_000);
      const local = ingestTraffic(core, Date.now() - 2 * 3_600_000, 100, 1_000, 3);
      expect(local).toBeGreaterThanOrEqual(95_000);

      // kill the server at set points of the push and of the pull, restart it shortly after
      const killAt = [15_000, 45_000, 80_000];
      const kills: Promise<void>[] = [];
      let pullKilled = false;
      let busy = false;
      const crash = () => {
        busy = true;
        kills.push(
          (async () => {
            await pg.kill();
            await new Promise((r) => setTimeout(r, 300));
            await pg.start();
            busy = false;
          })(),
        );
      };
      const unsubscribe = core.events.subscribe((name, payload) => {
        if (name !== 'telemetry.syncProgress' || busy) return;
        const p = payload as { phase: string; done: number };
        if (p.phase === 'push' && killAt.length > 0 && p.done >= killAt[0]!) {
          killAt.shift();
          crash();
        } else if (p.phase === 'pull' && !pullKilled) {
          pullKilled = true;
          crash();
        }
      });
      const result = await core.telemetry.sync();
      unsubscribe();
      await Promise.all(kills);
      expect(kills.length).toBe(4);

      expect(result.pushed).toBe(local);
      expect(result.pulled).toBe(20_000);
      expect(result.lagRows).toBe(0);
      const remote = await remoteIds(url);
      const mine = localIds(core);
      expect(remote.length).toBe(local + 20_000);
      expect(mine.length).toBe(local + 20_000);
      expect(remote).toEqual(mine);
      expect(await core.telemetry.sync()).toMatchObject({ pushed: 0, pulled: 0, lagRows: 0 });
    });
  }, 120_000);

  it('rides out a restart right after the sync made the first connection, before any batch committed', async () => {
    await withRemote('sync_early_restart', async (core, url) => {
      // no connection yet: the sync makes the first one, with two batches already waiting on it
      const local = ingestTraffic(core, Date.now() - 3_600_000, 25, 1_000, 4);
      expect(local).toBeGreaterThan(20_000);
      let restarted: Promise<void> | undefined;
      const unsubscribe = core.events.subscribe((name, payload) => {
        if (name !== 'remote.changed' || restarted || !(payload as { connected: boolean }).connected) return;
        // down longer than the connect policy's whole budget, far shorter than the outage policy's
        pg.killNow();
        restarted = new Promise((r) => setTimeout(r, 1_500)).then(() => pg.start());
      });
      const result = await core.telemetry.sync();
      unsubscribe();
      await restarted;
      expect(restarted).toBeDefined();
      // the outage was met mid-sync, not dodged
      expect(core.remote.status()).toMatchObject({ connected: true, lastError: { code: expect.any(String) } });
      expect(result).toMatchObject({ pushed: local, pulled: 0, lagRows: 0 });
      expect(await remoteIds(url)).toEqual(localIds(core));
      expect(await core.telemetry.sync()).toMatchObject({ pushed: 0, pulled: 0, lagRows: 0 });
    });
  }, 60_000);
});
