/**
 * Every Db implementation the conformance suites run against: PGlite (temp folder) and
 * PostgreSQL (127.0.0.1:5432, database `test`, trust auth — present on every machine and in CI),
 * each test file in its own fresh schema so runs never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../../adapters/sql/db/db.ts';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { openPostgresDb } from '../../adapters/sql/db/postgres-db.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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

/** A fresh schema in the shared test database; the URL pins search_path to it. */
export async function createPostgresSchema(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
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
