/**
 * buildDeps(config): every dependency of the server, wired once from the configuration — the
 * database, the stores, the event hub, the handoff desk, the dossier stores, the conversation
 * service, — when ZALO_APP_ID is set — the Zalo OA channel with its outbox worker and — when
 * DIRECTLINE_SECRET is set — the portal's Direct Line (tokens, WebSocket streams), plus the
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
import { createRedisRateLimiter } from '../adapters/redis/redis-rate-limiter.ts';
import { createMemoryRateLimiter, rateRule, type RateLimiter } from '../bot/limits/rate-limiter.ts';
import { limitDossierLookups } from '../bot/dossiers/limited-lookup.ts';
import { createStreamSlots, type ClientLimits } from '../channels/http/client-limits.ts';
import { createSqlConversationStore } from '../adapters/sql/sql-conversation-store.ts';
import { createSqlTicketStore } from '../adapters/sql/sql-ticket-store.ts';
import type { DossierAppDeps } from '../channels/api/integration-routes.ts';
import { dossierAppDeps } from './dossier-deps.ts';
import { createInsightsDeps, type InsightsDeps } from './insights-deps.ts';
import { createLocalDeps, type LocalDeps } from './local-deps.ts';
import type { DirectLineDeps } from '../channels/directline/directline-routes.ts';
import { createDirectLineDeps } from './directline-deps.ts';
import { createAgentsDeps, type AgentsDeps } from './agents-deps.ts';
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
  /** Per-client token buckets (through Redis when REDIS_URL is set) and the cap on open event streams. */
  limits: ClientLimits;
  /** The Zalo OA channel, when ZALO_APP_ID is set; its outbox worker is started by main.ts (or a test). */
  zalo?: ZaloDeps;
  /** The portal's self-hosted Direct Line, when DIRECTLINE_SECRET is set (its WebSocket upgrades: deps/start-server.ts). */
  directline?: DirectLineDeps;
  /** The portal's Bot Framework endpoint (/api/messages): credentials and the push of later messages (worker started by main.ts or a test). */
  agents: AgentsDeps;
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
  /** Replaces the rate limiter built from the configuration. */
  limiter?: RateLimiter;
  /** Outbox worker timing, for Zalo and the Bot Framework push (tests: short backoff and polling). */
  zaloWorker?: Partial<OutboxWorkerOptions>;
  /** Tests only: a Direct Line token lifetime below DIRECTLINE_TOKEN_TTL_SECONDS's minimum (a stream closed at expiry). */
  directlineTokenTtlSeconds?: number;
}

export async function buildDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const db = overrides.db ?? (await openDb(config));
  const events = overrides.events ?? (config.redisUrl ? await createRedisEventHub(config.redisUrl, redisPrefix(config)) : createMemoryEventHub());
  const limits = await clientLimits(config, logger, overrides.limiter);
  const store = createSqlConversationStore(db);
  const tickets = createSqlTicketStore(db);
  const officer = createOfficerDeps({ db, config, store, tickets, events, log: logger, ...(overrides.now ? { now: overrides.now } : {}) });
  let indexBuiltAt: Date | undefined;
  const local = createLocalDeps({ db, config, logger });
  const assistant = createReadiness('assistant', async () => {
    const loaded = await (overrides.loadAssistant ? overrides.loadAssistant(db) : loadAssistant(config, db, logger));
    indexBuiltAt = new Date(); // the retrieval index is (re)built or checked as the assistant loads
    const limited = loaded.dossiers ? { ...loaded, dossiers: limitDossierLookups(loaded.dossiers, limits.limiter, limits.rules.lookup) } : loaded;
    return local.localize(limited);
  });
  const insights = createInsightsDeps(db, { store, events, ...(overrides.now ? { now: overrides.now } : {}) });
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
    feedback: insights.control,
    botReady: () => assistant.current() !== undefined,
    log: logger,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.zaloWorker ? { worker: overrides.zaloWorker } : {}),
  });
  const agents = createAgentsDeps({ config, db, store, events, log: logger, ...(overrides.now ? { now: overrides.now } : {}), ...(overrides.zaloWorker ? { worker: overrides.zaloWorker } : {}) });
  const directline = createDirectLineDeps({
    config,
    store,
    events,
    conversations,
    feedback: insights.control,
    log: logger,
    limits,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.directlineTokenTtlSeconds ? { tokenTtlSeconds: overrides.directlineTokenTtlSeconds } : {}),
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
    limits,
    ...(zalo ? { zalo } : {}),
    ...(directline ? { directline } : {}),
    agents,
    async close() {
      local.stop();
      directline?.streams.close();
      await agents.stop().catch(() => undefined);
      await zalo?.stop().catch(() => undefined);
      await limits.limiter.close().catch(() => undefined);
      await events.close().catch(() => undefined);
      if (!overrides.db) await db.close().catch(() => undefined);
    },
  };
}

/** The per-client limits of the configuration; the buckets live in Redis when REDIS_URL is set. */
async function clientLimits(config: Config, logger: Logger, given?: RateLimiter): Promise<ClientLimits> {
  const limiter =
    given ??
    (config.redisUrl
      ? await createRedisRateLimiter(config.redisUrl, redisPrefix(config), {
          onFallback: (down, error) =>
            down ? logger.warn({ err: error }, 'rate limits: Redis unreachable, counting in this instance') : logger.info('rate limits: Redis reachable again'),
        })
      : createMemoryRateLimiter());
  return {
    limiter,
    rules: {
      chat: rateRule('chat', config.rateLimitChatPerMinute, 60),
      conversation: rateRule('conversation', config.rateLimitConversationsPerHour, 3600),
      login: rateRule('login', config.rateLimitLoginsPerMinute, 60),
      lookup: rateRule('lookup', config.rateLimitLookupsPerMinute, 60),
    },
    streams: createStreamSlots(config.maxStreamsPerClient),
  };
}
