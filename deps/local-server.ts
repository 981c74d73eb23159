/**
 * The server as main.ts builds it (buildDeps → createApp → listen), on an ephemeral loopback
 * port over a fresh in-memory PGlite unless a database is given — for the tools (eval, bench)
 * and the tests, so they measure the product's own wiring over real HTTP.
 */
import pino from 'pino';
import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { migrate } from '../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../adapters/sql/db/pglite-db.ts';
import { createSqlProcedureStore } from '../adapters/sql/sql-procedure-store.ts';
import { buildDeps, type Deps, type DepsOverrides } from './build-deps.ts';
import { startServer } from './start-server.ts';
import type { Procedure } from '../knowledge/schema.ts';

export interface LocalServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

export interface LocalServerOptions extends Omit<DepsOverrides, 'db'> {
  /** A database to use (and leave open); default a fresh in-memory PGlite, closed with the app. */
  db?: Db;
  config?: Partial<Config>;
  /** Procedures stored in the database first, as `npm run import` would. */
  imported?: readonly Procedure[];
  /** Load catalog, index and bot before returning (default true). */
  warm?: boolean;
}

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const { db: given, config: overrides, imported = [], warm = true, ...depsOverrides } = options;
  const db = given ?? (await openPgliteDb(null));
  if (!given) await migrate(db);
  if (imported.length) await createSqlProcedureStore(db).upsertMany([...imported]);
  const config = loadConfig(overrides ?? {}, {});
  const deps = await buildDeps(config, { logger: pino({ level: 'silent' }), ...depsOverrides, db });
  const running = await startServer(deps);
  if (warm) await deps.assistant.start();
  return {
    url: running.url,
    deps,
    async close() {
      await running.close();
      await deps.close();
      if (!given) await db.close();
    },
  };
}

/** For offline tools that replay many conversations from one loopback client (eval, bench): no per-client limits. */
export const NO_CLIENT_LIMITS: Partial<Config> = {
  rateLimitChatPerMinute: 0,
  rateLimitConversationsPerHour: 0,
  rateLimitLookupsPerMinute: 0,
  rateLimitLoginsPerMinute: 0,
  maxStreamsPerClient: 0,
};
