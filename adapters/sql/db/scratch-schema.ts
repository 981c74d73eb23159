/**
 * A fresh, uniquely named schema in a PostgreSQL database, for tests and benchmarks that must
 * not see each other's rows: the returned URL pins search_path to it; drop() removes it.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema in the shared test database (or `base`); the URL pins search_path to it. */
export async function createPostgresSchema(base = POSTGRES_URL): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

