import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type StartedPostgres, type TestPostgres } from './postgres-server';

export { startPostgres, type StartedPostgres, type TestPostgres } from './postgres-server';

/** One Postgres for the calling test file: started in beforeAll, stopped and removed in afterAll. */
export function usePostgres(): TestPostgres {
  let started: StartedPostgres | undefined;
  const get = () => {
    if (!started) throw new Error('Postgres is not started yet (use it inside tests or hooks)');
    return started;
  };
  beforeAll(async () => {
    started = await startPostgres();
  });
  afterAll(async () => {
    await started?.stop();
  });
  return {
    get port() {
      return get().port;
    },
    get alive() {
      return get().alive;
    },
    url: (database, pw) => get().url(database, pw),
    createDatabase: (name) => get().createDatabase(name),
    query: (sql, params, database) => get().query(sql, params, database),
    kill: () => get().kill(),
    killNow: () => get().killNow(),
    start: () => get().start(),
  };
}
