import pg from 'pg';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { CoreError } from '../errors';
import { withRetry, type RetryPolicy } from '../retry';
import { parsePostgresUrl } from './connection-url';
import { describePgError, isTransientPgError } from './pg-errors';
import { migrateRemote } from './migrate-remote';

export type RemoteState = 'not_configured' | 'idle' | 'connecting' | 'connected' | 'error';

export interface RemoteDbStatus {
  configured: boolean;
  state: RemoteState;
  connected: boolean;
  schemaVersion?: number;
  connectedAt?: number;
  lastError?: { code?: string; message: string; at: number };
}

export interface RemoteDbOptions {
  /** The connection URL, read on every (re)connect: the secret `database.url` or LEVQOR_DATABASE_URL. */
  url(): string | undefined;
  log: Logger;
  clock: Clock;
  onChange?(): void;
  /** Before the first successful connection: short, so a wrong URL fails fast and clearly. */
  connectRetry?: RetryPolicy;
  /** Once connected: long enough to ride out a server restart. */
  operationRetry?: RetryPolicy;
  poolMax?: number;
  connectTimeoutMs?: number;
}

export const notConfiguredMessage =
  'No remote Postgres is configured: set the database.url secret (levqor secrets set database.url) or LEVQOR_DATABASE_URL.';

const notPostgresUrl = 'database.url is not a postgres:// URL (postgres://user:password@host:5432/database)';

/**
 * The remote Postgres: one pg pool, created on first use, with its schema migrated on
 * connect. Transient failures (restarts, dropped connections, a full server) are retried
 * with backoff; anything else becomes one clear UNAVAILABLE error. The app never needs it.
 */
export class RemoteDb {
  private pool: pg.Pool | undefined;
  private poolUrl: string | undefined;
  private ready: Promise<pg.Pool> | undefined;
  private everConnected = false;
  private current: RemoteDbStatus = { configured: false, state: 'not_configured', connected: false };
  private readonly connectRetry: RetryPolicy;
  private readonly operationRetry: RetryPolicy;

  constructor(private readonly options: RemoteDbOptions) {
    this.connectRetry = options.connectRetry ?? { maxAttempts: 3, backoff: 'exponential', initialMs: 200, maxMs: 1_000, jitter: true };
    this.operationRetry = options.operationRetry ?? { maxAttempts: 14, backoff: 'exponential', initialMs: 100, maxMs: 3_000, jitter: true };
    this.refreshConfigured();
  }

  get configured(): boolean {
    return Boolean(this.options.url());
  }

  status(): RemoteDbStatus {
    this.refreshConfigured();
    return { ...this.current };
  }

  /**
   * Runs `fn` with the pool, retrying transient failures (fn must be safe to repeat: an
   * idempotent statement or a whole transaction).
   */
  async run<T>(what: string, fn: (pool: pg.Pool) => Promise<T>, signal?: AbortSignal): Promise<T> {
    // per failed try, not per call: a call queued before the first connection that loses it
    // afterwards faces a server restart, not a wrong URL
    const policy = () => (this.everConnected ? this.operationRetry : this.connectRetry);
    try {
      const result = await withRetry(async () => fn(await this.connect()), policy, {
        isTransient: isTransientPgError,
        signal,
        onRetry: (err, attempt, delayMs) => {
          this.fail(err, true);
          this.options.log.warn({ what, attempt, delayMs, code: (err as { code?: string }).code }, 'remote postgres: retrying');
        },
      });
      this.set({ state: 'connected', connected: true });
      return result;
    } catch (err) {
      if (err instanceof CoreError) throw err;
      if (signal?.aborted) throw new CoreError('UNAVAILABLE', `${what}: cancelled`);
      throw this.fail(err, false);
    }
  }

  /** Runs `fn` in one transaction on one client; retried whole on a transient failure. */
  transaction<T>(what: string, fn: (client: pg.PoolClient) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.run(
      what,
      async (pool) => {
        const client = await pool.connect();
        let broken = false;
        // a checked-out client whose server dies emits 'error' between queries: note it, the query in flight fails and is retried
        const onError = () => {
          broken = true;
        };
        client.on('error', onError);
        try {
          await client.query('BEGIN');
          const result = await fn(client);
          await client.query('COMMIT');
          return result;
        } catch (err) {
          broken = true;
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.off('error', onError);
          // a client that saw an error may be half-dead: never hand it to the next caller
          client.release(broken ? true : undefined);
        }
      },
      signal,
    );
  }

  /** Connects now (or reports why it cannot), applying the remote schema. */
  async check(): Promise<RemoteDbStatus> {
    await this.run('connect', async (pool) => pool.query('SELECT 1'));
    return this.status();
  }

  /**
   * The secret database.url's "Test": one connection of its own (the pool and its status are
   * left alone, no schema is applied), asked for the server's version, then closed. Throws
   * a CoreError in words that name no piece of the URL.
   */
  async probe(signal: AbortSignal): Promise<string> {
    const url = this.options.url();
    if (!url) throw new CoreError('UNAVAILABLE', notConfiguredMessage);
    if (!parsePostgresUrl(url)) throw new CoreError('BAD_INPUT', notPostgresUrl);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000, application_name: 'levqor-x' });
    client.on('error', () => undefined);
    const stop = () => void client.end().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      return `connected: PostgreSQL ${rows[0]?.server_version ?? '(version unknown)'}`;
    } catch (err) {
      throw new CoreError('UNAVAILABLE', describePgError(err, url).message);
    } finally {
      signal.removeEventListener('abort', stop);
      stop();
    }
  }

  /** Forget the pool (the URL changed); the next call connects afresh. */
  async reset(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.poolUrl = undefined;
    this.ready = undefined;
    this.everConnected = false;
    this.current = { configured: this.configured, state: this.configured ? 'idle' : 'not_configured', connected: false };
    this.options.onChange?.();
    await pool?.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.ready = undefined;
    await pool?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Pool> {
    const url = this.options.url();
    if (!url) {
      this.set({ configured: false, state: 'not_configured', connected: false });
      throw new CoreError('UNAVAILABLE', notConfiguredMessage);
    }
    if (this.ready && this.poolUrl === url) return this.ready;
    if (this.pool) void this.reset();
    if (!parsePostgresUrl(url)) {
      const message = notPostgresUrl;
      this.set({ configured: true, state: 'error', connected: false, lastError: { message, at: this.options.clock.now() } });
      throw new CoreError('UNAVAILABLE', message);
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: this.options.poolMax ?? 4,
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      keepAlive: true,
      application_name: 'levqor-x',
    });
    // an idle client losing its server must not crash the app: note it, the next call reconnects
    pool.on('error', (err) => {
      this.options.log.warn({ code: (err as { code?: string }).code }, 'remote postgres: idle connection lost');
      this.fail(err, true);
    });
    this.pool = pool;
    this.poolUrl = url;
    this.set({ configured: true, state: 'connecting', connected: false });
    const ready = (async () => {
      const client = await pool.connect();
      const onError = () => undefined;
      client.on('error', onError);
      try {
        const version = await migrateRemote(client);
        this.everConnected = true;
        this.set({ state: 'connected', connected: true, schemaVersion: version, connectedAt: this.options.clock.now() });
        this.options.log.info({ schemaVersion: version }, 'remote postgres connected');
        return pool;
      } finally {
        client.off('error', onError);
        client.release();
      }
    })();
    this.ready = ready;
    // a failed first connection is retried from scratch with a fresh pool
    ready.catch(() => {
      if (this.ready === ready) {
        this.ready = undefined;
        this.pool = undefined;
        this.poolUrl = undefined;
        void pool.end().catch(() => undefined);
      }
    });
    return ready;
  }

  private fail(err: unknown, transient: boolean): CoreError {
    const { code, message } = describePgError(err, this.options.url());
    this.set({ state: transient ? 'connecting' : 'error', connected: false, lastError: { ...(code ? { code } : {}), message, at: this.options.clock.now() } });
    return new CoreError('UNAVAILABLE', message);
  }

  private set(patch: Partial<RemoteDbStatus>): void {
    const before = JSON.stringify([this.current.state, this.current.lastError?.message, this.current.schemaVersion]);
    this.current = { ...this.current, ...patch, configured: this.configured };
    const after = JSON.stringify([this.current.state, this.current.lastError?.message, this.current.schemaVersion]);
    if (before !== after) this.options.onChange?.();
  }

  private refreshConfigured(): void {
    const configured = this.configured;
    if (!configured) this.current = { configured: false, state: 'not_configured', connected: false };
    else if (this.current.state === 'not_configured') this.current = { configured: true, state: 'idle', connected: false };
  }
}
