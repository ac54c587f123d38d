import { describe, expect, it } from 'vitest';
import { newerSchemaRefusal } from './queues';
import { databaseHost } from './start-worker';

describe('a worker and the schema of its jobs', () => {
  it('takes jobs of its own schema or older, refuses a newer one naming both versions', () => {
    expect(newerSchemaRefusal({ runId: 'r1', schema: 4 }, 4)).toBeUndefined();
    expect(newerSchemaRefusal({ runId: 'r1', schema: 3 }, 4)).toBeUndefined();
    expect(newerSchemaRefusal({ runId: 'r1', schema: 5 }, 4)).toBe('run r1 was queued with remote schema 5, newer than this worker\u2019s 4: upgrade this worker (it leaves the job for a newer one)'.replace('\u2019', "'"));
  });
});

describe('where a worker says it connects', () => {
  it('names host, port and database, never the user or password', () => {
    const said = databaseHost('postgres://levqor:s3cret-pw@db.example:6543/levqor?sslmode=require');
    expect(said).toBe('db.example:6543/levqor');
    expect(databaseHost('postgresql://u:p@db.example/app')).toBe('db.example:5432/app');
    expect(databaseHost('mysql://db.example')).toBe('(not a postgres:// URL)');
  });
});
