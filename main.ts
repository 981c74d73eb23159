/**
 * Entry point: parse config once, build every dependency, listen at once (so /health can say
 * "starting"), then load the assistant (catalog and retrieval index) in the background.
 */
import { loadConfig } from './config.ts';
import { createLogger } from './channels/http/logger.ts';
import { buildDeps } from './deps/build-deps.ts';
import { bootstrapSupervisor, startClaimSweeper } from './deps/officer-deps.ts';
import { startRetention } from './deps/retention-job.ts';
import { startServer } from './deps/start-server.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const deps = await buildDeps(config, { logger });
  logger.info({ db: deps.db.kind, dataDir: config.dataDir }, 'database ready');
  await bootstrapSupervisor(deps.officer.accounts, config, logger);
  const stopSweeper = startClaimSweeper(deps.officer.desk, 30_000, logger);
  // Idle conversations (CONVERSATION_RETENTION_DAYS) and expired sessions: now, then every hour.
  const retention = startRetention({ store: deps.store, accounts: deps.officer.accounts, loginLimits: deps.officer.loginLimits, retentionDays: config.conversationRetentionDays, log: logger });
  // The Zalo outbox: what a previous run left unsent goes out now.
  deps.zalo?.start();
  // Officer replies and notices for Bot Framework conversations (/api/messages).
  deps.agents.start();

  // Listening before any warm-up work, so /health can say "starting" from the first moment.
  const running = await startServer(deps, config.port, config.host);
  logger.info(`Trợ lý thủ tục listening on http://${config.host}:${config.port}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.server.close();
    stopSweeper();
    retention.stop();
    await deps.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await deps.assistant.start().catch((error: unknown) => logger.error({ err: error }, 'start-up failed; /health reports it'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
