import pg from 'pg';

/**
 * One short-lived connection to the shared Postgres (DATABASE_URL) for one read or write: the
 * site's pages are rendered rarely and its forms posted rarely, so a pool would only hold idle
 * connections. undefined when DATABASE_URL is not set; a database that does not answer throws.
 */
export async function withDatabase<T>(use: (client: pg.Client) => Promise<T>, databaseUrl = process.env.DATABASE_URL): Promise<T | undefined> {
  if (!databaseUrl) return undefined;
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
