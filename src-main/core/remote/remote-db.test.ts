import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import { usePostgres } from '../../../tests/helpers/postgres';
import { createCore, systemClock } from '..';
import { createDispatcher } from '../../api/dispatcher';
import { createLogger } from '../logger';
import { RemoteDb } from './remote-db';
import { latestRemoteVersion, remoteMigrations } from './migrations';

const pgServer = usePostgres();
const quietLog = createLogger(undefined, 'silent');
const row = JSON.stringify({ level: 'info', message: 'still works offline' });
const quickRetry = { maxAttempts: 20, backoff: 'exponential', initialMs: 50, maxMs: 200, jitter: true } as const;

function appWith(url: string | undefined) {
  const core = createCore({ dataDir: tempDir(), env: url ? { LEVQOR_DATABASE_URL: url } : {}, logToFile: false });
  return { core, api: createDispatcher(core) };
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('remote Postgres', () => {
  it('is optional: without a URL the app works and sync says how to configure one', async () => {
    const { core, api } = appWith(undefined);
    expect(await api.call('remote.status', {})).toMatchObject({ ok: true, value: { configured: false, state: 'not_configured', connected: false, lag: { pushPending: 0 } } });
    expect(await api.call('telemetry.sync', {})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('levqor secrets set database.url') } });
    expect(core.telemetry.ingestText(row).accepted).toBe(1);
    core.close();
  });

  it('a wrong password is one clear error, fast, and the app keeps working locally', async () => {
    const { core, api } = appWith(pgServer.url('postgres', 'wrong-password'));
    const started = Date.now();
    const result = await api.call('telemetry.sync', {});
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('refused the password for the user in database.url') } });
    expect(JSON.stringify(result)).not.toContain('wrong-password');
    const status = await api.call('remote.status', {});
    expect(status).toMatchObject({ ok: true, value: { configured: true, state: 'error', connected: false, lastError: { code: '28P01' } } });
    expect(core.telemetry.ingestText(row).accepted).toBe(1);
    expect(core.telemetry.query({ limit: 10 }).rows).toHaveLength(1);
    expect(core.telemetry.lag().pushPending).toBe(1);
    core.close();
  });

  it('names a bad URL, a missing database and a port nobody listens on', async () => {
    const bad = appWith('http://example.com/db');
    expect(await bad.api.call('remote.connect', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a postgres:// URL') } });
    bad.core.close();
    const missing = appWith(pgServer.url('no_such_db'));
    expect(await missing.api.call('remote.connect', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('has no database by the name in database.url') } });
    missing.core.close();
    const refused = appWith(`postgres://postgres:pw@127.0.0.1:${await closedPort()}/postgres`);
    expect(await refused.api.call('remote.connect', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('connection refused') } });
    refused.core.close();
  });

  it('says no piece of the connection URL in an error, the status, an event, a monitor or the log', async () => {
    const password = 'Pw-zq-5521';
    await pgServer.query(`CREATE ROLE zqfounder7781 LOGIN PASSWORD '${password}'`);
    await pgServer.query(`CREATE ROLE zqlocked3391 NOLOGIN PASSWORD '${password}'`);
    await pgServer.query('CREATE DATABASE zqopen1177 OWNER zqfounder7781');
    await pgServer.query('CREATE DATABASE zqledger4419');
    await pgServer.query('REVOKE CONNECT ON DATABASE zqledger4419 FROM PUBLIC');
    const at = `127.0.0.1:${pgServer.port}`;
    const refusedPort = await closedPort();
    // every distinctive piece starts with "zq"; the server's own words are kept around the holes
    const cases: Array<[url: string, says: string]> = [
      [`postgres://zqfounder7781:${password}@${at}/zqopen1177?options=-c%20statement_timeout%3Dzqopt9931`, 'invalid value for parameter "[option]": "[option]"'],
      [`postgres://zqfounder7781:${password}@${at}/zqopen1177?application_name=zqapp2231&options=-c%20zqguc5512%3Don`, 'unrecognized configuration parameter "[option]"'],
      [`postgres://zqlocked3391:${password}@${at}/zqopen1177`, 'role "[user]" is not permitted to log in'],
      [`postgres://zqfounder7781:${password}@${at}/zqledger4419`, 'permission denied for database "[database]"'],
      [`postgres://zqnobody8812:${password}@${at}/zqopen1177`, 'refused the password for the user in database.url'],
      [`postgres://zqfounder7781:${password}@${at}/zqnodb6612`, 'has no database by the name in database.url'],
      [`postgres://zqfounder7781:${password}@zq-nohost-4471.invalid:${pgServer.port}/zqopen1177`, 'host in database.url could not be found'],
      [`postgres://zqfounder7781:${password}@127.0.0.1:${refusedPort}/zqopen1177`, 'connection refused'],
    ];
    for (const [url, says] of cases) {
      const dataDir = tempDir();
      const core = createCore({ dataDir, env: { LEVQOR_DATABASE_URL: url } });
      const api = createDispatcher(core);
      const events: unknown[] = [];
      core.events.subscribe((name, payload) => void events.push([name, payload]));
      const connect = await api.call('remote.connect', {});
      const sync = await api.call('telemetry.sync', {});
      const monitor = await core.guardian.checkOne(core.guardian.add({ type: 'postgres' }).id);
      const status = await api.call('remote.status', {});
      core.close();
      const said = [JSON.stringify([connect, sync, monitor, status, events]), readFileSync(join(dataDir, 'logs', 'levqor.log'), 'utf8')].join('\n');
      expect(events.length, url).toBeGreaterThan(0);
      const leaks = [...said.matchAll(/zq[\w.-]*|127\.0\.0\.1|:(\d{4,5})\b/gi)].filter((m) => m[1] === undefined || m[1] === String(pgServer.port) || m[1] === String(refusedPort));
      expect.soft(leaks.map((m) => m[0]), url).toEqual([]);
      expect.soft(connect, url).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining(says) } });
      expect.soft(status, url).toMatchObject({ ok: true, value: { state: 'error', lastError: { message: expect.stringContaining(says) } } });
      expect.soft(monitor.lastMessage, url).toContain(says);
    }
  });

  it('applies the remote schema on connect, once, for telemetry_logs, sales_leads and dfy_requests', async () => {
    const url = await pgServer.createDatabase('schema_check');
    const a = appWith(url);
    expect(await a.api.call('remote.connect', {})).toMatchObject({ ok: true, value: { connected: true, state: 'connected', schemaVersion: latestRemoteVersion } });
    const b = appWith(url);
    expect(await b.api.call('remote.connect', {})).toMatchObject({ ok: true, value: { schemaVersion: latestRemoteVersion } });
    const columns = await pgServer.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('telemetry_logs', 'sales_leads', 'dfy_requests') ORDER BY table_name, ordinal_position",
      [],
      'schema_check',
    );
    const of = (t: string) => columns.filter((c) => c.table_name === t).map((c) => c.column_name);
    expect(of('telemetry_logs')).toEqual(['id', 'ts', 'level', 'source', 'message', 'fingerprint', 'endpoint', 'method', 'status', 'duration_ms', 'trace_id', 'meta', 'node_id', 'inserted_at', 'seq', 'txid']);
    expect(of('sales_leads')).toEqual(expect.arrayContaining(['id', 'email', 'status', 'value_cents', 'seq', 'txid', 'updated_at']));
    expect(of('dfy_requests')).toEqual(expect.arrayContaining(['id', 'email', 'package_slug', 'brief', 'status', 'seq', 'txid']));
    expect(await pgServer.query('SELECT version FROM levqor_schema_migrations', [], 'schema_check')).toEqual(remoteMigrations.map((m) => ({ version: m.version })));
    // an update moves a lead past the sync cursor again
    await pgServer.query("INSERT INTO sales_leads (email) VALUES ('a@b.c')", [], 'schema_check');
    const [before] = await pgServer.query<{ txid: string }>('SELECT txid::text FROM sales_leads', [], 'schema_check');
    await pgServer.query("UPDATE sales_leads SET status = 'contacted'", [], 'schema_check');
    const [after] = await pgServer.query<{ txid: string }>('SELECT txid::text FROM sales_leads', [], 'schema_check');
    expect(BigInt(after!.txid)).toBeGreaterThan(BigInt(before!.txid));
    a.core.close();
    b.core.close();
  });

  it('retries "too many connections" (53300) and a terminated backend (57P01) until they pass', async () => {
    await pgServer.query("CREATE ROLE limited LOGIN PASSWORD 'pw' CONNECTION LIMIT 1");
    await pgServer.query('CREATE DATABASE limited_db OWNER limited');
    const url = `postgres://limited:pw@127.0.0.1:${pgServer.port}/limited_db`;
    const remote = new RemoteDb({ url: () => url, log: quietLog, clock: systemClock, connectRetry: quickRetry, operationRetry: quickRetry });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    setTimeout(() => void holder.end(), 400);
    const status = await remote.check();
    expect(status).toMatchObject({ connected: true, schemaVersion: latestRemoteVersion, lastError: { code: '53300' } });

    const killer = setTimeout(() => void pgServer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'levqor-x' AND query LIKE '%pg_sleep%'"), 300);
    const rows = await remote.run('slow query', async (pool) => (await pool.query<{ ok: number }>('SELECT 1 AS ok FROM pg_sleep(0.6)')).rows);
    clearTimeout(killer);
    expect(rows).toEqual([{ ok: 1 }]);
    expect(remote.status()).toMatchObject({ connected: true, lastError: { code: '57P01' } });
    await remote.close();
  });
});
