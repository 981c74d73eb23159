/**
 * Every Db implementation the conformance suites run against: PGlite (temp folder) and
 * PostgreSQL (127.0.0.1:5432, database `test`, trust auth — present on every machine and in CI),
 * each test file in its own fresh schema so runs never see each other's rows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../adapters/sql/db/db.ts';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { openPostgresDb } from '../../adapters/sql/db/postgres-db.ts';

export { POSTGRES_URL, createPostgresSchema } from '../../adapters/sql/db/scratch-schema.ts';
import { createPostgresSchema } from '../../adapters/sql/db/scratch-schema.ts';

export interface TestDatabase {
  db: Db;
  /** A connection string / folder another instance can open to share the same data. */
  location: { databaseUrl?: string; dataDir?: string };
  dispose(): Promise<void>;
}

export interface DbFactory {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

export const DB_FACTORIES: DbFactory[] = [
  {
    name: 'pglite',
    async create() {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tlt-pglite-'));
      const db = await openPgliteDb(path.join(dataDir, 'pglite'));
      await migrate(db);
      return {
        db,
        location: { dataDir },
        async dispose() {
          await db.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async create() {
      const schema = await createPostgresSchema();
      const db = await openPostgresDb(schema.databaseUrl);
      await migrate(db);
      return {
        db,
        location: { databaseUrl: schema.databaseUrl },
        async dispose() {
          await db.close();
          await schema.drop();
        },
      };
    },
  },
];
