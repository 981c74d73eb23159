/** Opens the configured database (PostgreSQL by DATABASE_URL, else PGlite under DATA_DIR) and migrates it. */
import path from 'node:path';
import type { Db } from './db.ts';
import { migrate } from '../migrations/migrate.ts';
import { openPgliteDb } from './pglite-db.ts';
import { openPostgresDb } from './postgres-db.ts';

export async function openDb(config: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgresDb(config.databaseUrl)
    : await openPgliteDb(path.join(config.dataDir, 'pglite'));
  await migrate(db);
  return db;
}
