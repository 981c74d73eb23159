/**
 * The assistant as `npm start` wires it (the configured catalog — by default CATALOG=full: shipped
 * national records + whatever the database holds + the bundled catalog; `{ catalog: 'curated' }`
 * for the database and bundled catalog only —, the configured retriever, the bot core), on an
 * ephemeral loopback port over a fresh in-memory PGlite — for HTTP tests, `npm run eval` and benchmarks.
 */
import pino from 'pino';
import { loadConfig, type Config } from '../../config.ts';
import type { Db } from '../../knowledge/db/db.ts';
import { migrate } from '../../knowledge/db/migrations.ts';
import { openPgliteDb } from '../../knowledge/db/pglite-db.ts';
import { createProcedureRepository } from '../../knowledge/procedure-repository-sql.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { warmUp } from '../../startup.ts';
import { startApp, type RunningApp } from './app-server.ts';

export interface RunningAssistant extends RunningApp {
  db: Db;
}

/** `imported`: procedures stored in the database first, as `npm run import` would. */
export async function startAssistant(config: Partial<Config> = {}, imported: readonly Procedure[] = []): Promise<RunningAssistant> {
  const db = await openPgliteDb(null);
  await migrate(db);
  if (imported.length) await createProcedureRepository(db).upsertMany([...imported]);
  const app = await startApp(db);
  await warmUp({ config: loadConfig(config, {}), db, logger: pino({ level: 'silent' }), services: app.services });
  return {
    ...app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
