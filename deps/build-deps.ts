/**
 * buildDeps(config): every dependency of the server, wired once from the configuration — the
 * database, the stores, the event hub, the handoff desk, the dossier stores, the conversation
 * service and — when ZALO_APP_ID is set — the Zalo OA channel with its outbox worker, plus the
 * assistant's knowledge as a Readiness started after listen(). main.ts, the CLIs, the tools and
 * the tests all build the server this one way.
 */
import type { Logger } from 'pino';
import { createLogger } from '../channels/http/logger.ts';
import { createMetrics, observeTurns, type Metrics } from '../channels/http/metrics.ts';
import { redisPrefix, type Config } from '../config.ts';
import { createConversationService, type ConversationService } from '../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { TurnDeps } from '../bot/deps.ts';
import { createMemoryEventHub, type EventHub } from '../bot/events/event-hub.ts';
import type { OutboxWorkerOptions } from '../bot/delivery/outbox-worker.ts';
import type { TicketStore } from '../bot/handoff/ticket-store.ts';
import { createReadiness, type Readiness } from '../bot/readiness.ts';
import { handleTurn } from '../bot/turn.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { openDb } from '../adapters/sql/db/open-db.ts';
import { createRedisEventHub } from '../adapters/redis/redis-event-hub.ts';
import { createSqlConversationStore } from '../adapters/sql/sql-conversation-store.ts';
import { createSqlTicketStore } from '../adapters/sql/sql-ticket-store.ts';
import type { DossierAppDeps } from '../channels/api/integration-routes.ts';
import { dossierAppDeps } from './dossier-deps.ts';
import { createInsightsDeps, type InsightsDeps } from './insights-deps.ts';
import { createLocalDeps, type LocalDeps } from './local-deps.ts';
import { createOfficerDeps, type OfficerAppDeps } from './officer-deps.ts';
import { loadAssistant } from './warm-up.ts';
import { createZaloDeps, type ZaloDeps } from './zalo-deps.ts';

export interface Deps {
  config: Config;
  logger: Logger;
  db: Db;
  events: EventHub;
  store: ConversationStore;
  tickets: TicketStore;
  officer: OfficerAppDeps;
  dossiers: DossierAppDeps;
  /** Catalog, retriever and bot core: loaded by `assistant.start()` once the server listens. */
  assistant: Readiness<TurnDeps>;
  conversations: ConversationService;
  /** Feedback on answers and the supervisors' aggregates (/officer/insights). */
  insights: InsightsDeps;
  /** Prometheus metrics (GET /metrics). */
  metrics: Metrics;
  /** The province's local overlay (fees, places, hours …) applied to the assistant's catalog. */
  local: LocalDeps;
  /** The Zalo OA channel, when ZALO_APP_ID is set; its outbox worker is started by main.ts (or a test). */
  zalo?: ZaloDeps;
  /** Closes what buildDeps opened (the event hub; the database unless it was passed in). */
  close(): Promise<void>;
}

/** Parts a caller may bring instead of having them opened from the configuration. */
export interface DepsOverrides {
  db?: Db;
  events?: EventHub;
  logger?: Logger;
  now?: () => Date;
  /** Replaces the loaded assistant (tests with a small catalog or a fake retriever). */
  loadAssistant?: (db: Db) => Promise<TurnDeps>;
  /** Outbox worker timing (tests: short backoff and polling). */
  zaloWorker?: Partial<OutboxWorkerOptions>;
}

export async function buildDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db = overrides.db ?? (await openDb(config));
  const events = overrides.events ?? (config.redisUrl ? await createRedisEventHub(config.redisUrl, redisPrefix(config)) : createMemoryEventHub());
  const store = createSqlConversationStore(db);
  const tickets = createSqlTicketStore(db);
  const officer = createOfficerDeps({ db, config, store, tickets, events, log: logger, ...(overrides.now ? { now: overrides.now } : {}) });
  let indexBuiltAt: Date | undefined;
  const local = createLocalDeps({ db, config, logger });
  const assistant = createReadiness('assistant', async () => {
    const loaded = await (overrides.loadAssistant ? overrides.loadAssistant(db) : loadAssistant(config, db, logger));
    indexBuiltAt = new Date(); // the retrieval index is (re)built or checked as the assistant loads
    return local.localize(loaded);
  });
  const insights = createInsightsDeps(db);
  const metrics = createMetrics({ backlog: () => insights.store.backlog(), indexBuiltAt: () => indexBuiltAt });
  const conversations = observeTurns(createConversationService({
    store,
    tickets,
    events,
    desk: officer.desk,
    runTurn: (turn) => handleTurn(turn, assistant.require()),
  }), metrics);
  const zalo = await createZaloDeps({
    config,
    db,
    store,
    events,
    conversations,
    botReady: () => assistant.current() !== undefined,
    log: logger,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.zaloWorker ? { worker: overrides.zaloWorker } : {}),
  });
  return {
    config,
    logger,
    db,
    events,
    store,
    tickets,
    officer,
    dossiers: dossierAppDeps(config, db),
    assistant,
    conversations,
    insights,
    metrics,
    local,
    ...(zalo ? { zalo } : {}),
    async close() {
      local.stop();
      await zalo?.stop().catch(() => undefined);
      await events.close().catch(() => undefined);
      if (!overrides.db) await db.close().catch(() => undefined);
    },
  };
}
