import type Database from 'better-sqlite3';
import type { Db } from './open';

export type Statements<K extends string> = Record<K, Database.Statement>;

/**
 * The base class of a store of prepared statements: `this.s.<name>` is `sql.<name>`, prepared
 * once on the store's connection (better-sqlite3 compiles a text anew on every prepare).
 *
 *   const sql = { get: 'SELECT * FROM runs WHERE id = ?' };
 *   export class RunStore extends withStatements(sql) { … this.s.get.get(id) … }
 */
export function withStatements<K extends string>(sql: Record<K, string>) {
  return class {
    protected readonly s: Statements<K>;

    constructor(readonly db: Db) {
      const prepared = {} as Statements<K>;
      for (const name of Object.keys(sql) as K[]) prepared[name] = db.prepare(sql[name]);
      this.s = prepared;
    }
  };
}
