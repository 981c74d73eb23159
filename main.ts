/**
 * Entry point: parse config once, open the database, listen at once (so /health can say
 * "starting"), then load the catalog and the retrieval index in the background.
 */
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './channels/http/logger.ts';
import type { Services } from './channels/http/readiness.ts';
import { createMemoryEventHub } from './bot/events/event-hub.ts';
import { createSqlTicketStore } from './adapters/sql/sql-ticket-store.ts';
import { createSqlConversationStore } from './adapters/sql/sql-conversation-store.ts';
import { createRedisEventHub } from './adapters/redis/redis-event-hub.ts';
import { openDb } from './adapters/sql/db/open-db.ts';
import { warmUp } from './deps/warm-up.ts';
import { dossierAppDeps } from './deps/dossier-deps.ts';
import { bootstrapSupervisor, createOfficerDeps, startClaimSweeper } from './deps/officer-deps.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDb(config);
  logger.info({ db: db.kind, dataDir: config.dataDir }, 'database ready');

  const events = config.redisUrl ? await createRedisEventHub(config.redisUrl) : createMemoryEventHub();
  const services: Services = {};
  const store = createSqlConversationStore(db);
  const tickets = createSqlTicketStore(db);
  const officer = createOfficerDeps({ db, config, store, tickets, events, log: logger });
  await bootstrapSupervisor(officer.accounts, config, logger);
  const stopSweeper = startClaimSweeper(officer.desk, 30_000, logger);
  const app = createApp({
    logger,
    services,
    store,
    tickets,
    events,
    dossiers: dossierAppDeps(config, db),
    officer,
  });
  // Listening before any warm-up work, so /health can say "starting" from the first moment.
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  logger.info(`Trợ lý thủ tục listening on http://${config.host}:${config.port}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    stopSweeper();
    await events.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await warmUp({ config, db, logger, services });
  } catch (error) {
    services.startupError = error instanceof Error ? error.message : String(error);
    logger.error({ err: error }, 'start-up failed; /health reports it');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
