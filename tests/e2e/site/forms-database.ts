import pg from 'pg';
import { migrateRemote } from '../../../src-main/core/remote/migrate-remote';
import { startPostgres } from '../../helpers/postgres-server';

/** The site served against a real Postgres: where its forms' rows can be read back. */
export interface FormsSite {
  baseUrl: string;
  withImages: string;
  /** Every row of one of the forms' tables, oldest first. */
  rows(table: 'sales_leads' | 'dfy_requests' | 'subject_requests'): Promise<Record<string, unknown>[]>;
}

/** A real Postgres with the app's remote migrations applied: the tables the site writes exist as in production. */
export async function startFormsDatabase(): Promise<{ url: string; rows: FormsSite['rows']; stop: () => Promise<void> }> {
  const server = await startPostgres();
  try {
    const url = await server.createDatabase('site_forms');
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const client = await pool.connect();
    try {
      await migrateRemote(client);
    } finally {
      client.release();
      await pool.end();
    }
    // the table name comes from the closed list above, never from a test's input
    const rows: FormsSite['rows'] = (table) => server.query(`SELECT * FROM ${table} ORDER BY seq`, [], 'site_forms');
    return { url, rows, stop: () => server.stop() };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
