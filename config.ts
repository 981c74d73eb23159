/**
 * Configuration: an explicit object, the environment as fallback, validated once at start and
 * passed down. Nothing else in the code reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

/** `https://host[:port]` exactly, as a browser sends it in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  /** Where PGlite files, the vector index and the learned model live. */
  dataDir: z.string().min(1).default('./data'),
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: z.string().url().optional(),
  /** Folder of a Hugging-Face-layout ONNX sentence-embedding model; absent = the learned domain model. */
  embeddingModelDir: z.string().optional(),
  /** full: the shipped national catalog + imported + curated records; curated: imported + curated only. */
  catalog: z.enum(['full', 'curated']).default('full'),
  /** lexical (BM25F) | dense (embedding index) | hybrid (both, fused); see the README's retrieval table. */
  retrievalMode: z.enum(['lexical', 'dense', 'hybrid']).default('lexical'),
  /** Redis for events between several instances; absent = in-process events (one instance). */
  redisUrl: z.string().url().optional(),
  /** Prefix of this deployment's Redis channels; absent = the database name, else "tro-ly" (see redisPrefix()). */
  redisPrefix: z.string().trim().regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ - (at most 64)').optional(),
  /** Sites that may embed the widget and call /api/chat from their pages (comma-separated origins); none = same-origin only. */
  allowedOrigins: z
    .union([z.array(z.string()), z.string()])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isOrigin, 'each origin like https://example.gov.vn (scheme, host, port; no path)')))
    .default([]),
  /** Citizen turns (POST /api/chat) per client (IP) per minute, as a token bucket of that size; 0 = no limit. */
  rateLimitChatPerMinute: z.coerce.number().int().min(0).max(100_000).default(60),
  /** New conversations per client per hour (token bucket); 0 = no limit. */
  rateLimitConversationsPerHour: z.coerce.number().int().min(0).max(1_000_000).default(100),
  /** Dossier lookups and phone-digit checks per client per minute (token bucket, beside the per-window guard); 0 = no limit. */
  rateLimitLookupsPerMinute: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Officer login attempts per client per minute (token bucket, beside the failed-login limits); 0 = no limit. */
  rateLimitLoginsPerMinute: z.coerce.number().int().min(0).max(100_000).default(60),
  /** Event streams (citizen chat and officer console) one client may hold open on one instance; 0 = no limit. */
  maxStreamsPerClient: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Conversations idle this long (and with no open ticket) are deleted with their messages; 0 = kept for ever. */
  conversationRetentionDays: z.coerce.number().min(0).max(36_500).default(180),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** OpenAI-compatible endpoint (…/v1, Ollama's too) that rewords answers under a fact guard; absent = off. */
  llmBaseUrl: z.string().url().optional(),
  llmModel: z.string().min(1).optional(),
  /** Bearer token for llmBaseUrl, if it needs one. Never logged. */
  llmApiKey: z.string().min(1).optional(),
  llmTimeoutMs: z.coerce.number().int().min(100).max(120_000).default(8000),
  /** Bearer token the one-stop system presents to PUT /api/integration/dossiers/:code; absent = endpoint off (503). */
  integrationToken: z.string().min(16, 'at least 16 characters').optional(),
  /** Bearer token a Prometheus scraper presents to GET /metrics; absent = /metrics answers loopback callers only. */
  metricsToken: z.string().min(16, 'at least 16 characters').optional(),
  /** External one-stop lookup API (channels/dossiers/http-dossier-source.ts); absent = built-in store only. */
  dossierApiUrl: z.string().url().optional(),
  dossierApiToken: z.string().min(1).optional(),
  dossierApiTimeoutMs: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Seed the DEMO dossiers while the store holds no real one. */
  dossierDemo: z.union([z.boolean(), z.stringbool()]).default(true),
  /** First supervisor of the officer console, created at start if absent (both or neither). */
  officerBootstrapUser: z.string().trim().min(3).max(64).regex(/^[\w.@-]+$/, 'letters, digits, . _ @ - only').optional(),
  /** Never logged. */
  officerBootstrapPassword: z.string().min(10, 'at least 10 characters').optional(),
  /** Minutes a waiting handoff may stay unclaimed before the citizen is told and it becomes a ticket answered later. */
  handoffClaimTimeoutMinutes: z.coerce.number().min(0.05).max(24 * 60).default(10),
  /** Giờ hành chính (Asia/Ho_Chi_Minh) on working days: "07:30-11:30,13:30-17:00", or "always". */
  officeHours: z.string().trim().regex(/^(always|\d{1,2}:\d{2}-\d{1,2}:\d{2}(,\d{1,2}:\d{2}-\d{1,2}:\d{2})*)$/, 'like 07:30-11:30,13:30-17:00 or always').default('07:30-11:30,13:30-17:00'),
  /** The Zalo app (developers.zalo.me) linked to the province's OA; set = the Zalo channel is on. */
  zaloAppId: z.string().trim().regex(/^\d{1,30}$/, 'digits only').optional(),
  /** The OA's id; when set, events for another OA are ignored. */
  zaloOaId: z.string().trim().regex(/^\d{1,30}$/, 'digits only').optional(),
  /** The OA secret key (webhook signatures). Never logged. */
  zaloOaSecretKey: z.string().min(8, 'at least 8 characters').optional(),
  /** The app secret (token refresh). Never logged. */
  zaloAppSecret: z.string().min(8, 'at least 8 characters').optional(),
  /** First access / refresh tokens from the OA authorisation; stored in the database, which keeps the newer pair. Never logged. */
  zaloAccessToken: z.string().min(1).optional(),
  zaloRefreshToken: z.string().min(1).optional(),
  zaloApiBase: z.string().url().default('https://openapi.zalo.me'),
  zaloOauthBase: z.string().url().default('https://oauth.zaloapp.com'),
  zaloZnsBase: z.string().url().default('https://business.openapi.zalo.me'),
  /** ZNS template id for dossier status notices outside the messaging window; absent = such notices are recorded as undeliverable. */
  zaloZnsTemplateStatus: z.string().trim().regex(/^\w{1,40}$/, 'a template id').optional(),
  /** Webhook events older (or newer) than this are refused as replays. */
  zaloReplayWindowSeconds: z.coerce.number().int().min(30).max(86_400).default(300),
  zaloApiTimeoutMs: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Who publishes the local data, named in answers that use it ("UBND tỉnh Bắc Ninh"). */
  localSourceName: z.string().trim().min(2).max(120).default('địa phương'),
  /** Seconds between checks for local data published by another instance (0 = never: one instance). */
  localRefreshSeconds: z.coerce.number().int().min(0).max(3600).default(30),
  /** The self-hosted Direct Line's secret (the portal's server generates tokens with it); absent = /v3/directline off (404). Never logged. */
  directlineSecret: z.string().min(32, 'at least 32 characters').optional(),
  /** Lifetime of a Direct Line conversation token; Web Chat (directlinejs) refreshes it every 15 minutes. */
  directlineTokenTtlSeconds: z.coerce.number().int().min(1200, 'at least 1200: Web Chat refreshes its token every 15 minutes').max(86_400).default(1800),
  /** The Azure Bot's app registration for POST /api/messages (env names as the Agents SDK reads them); absent = loopback callers only. */
  agentsClientId: z.string().trim().min(1).optional(),
  /** Never logged. */
  agentsClientSecret: z.string().min(1).optional(),
  agentsTenantId: z.string().trim().min(1).optional(),
}).superRefine((config, context) => {
  if (config.agentsClientId) {
    for (const key of ['agentsClientSecret', 'agentsTenantId'] as const) {
      if (!config[key]) context.addIssue({ code: 'custom', path: [key], message: 'required when clientId is set (POST /api/messages authenticated by Azure)' });
    }
  }
  if (config.zaloAppId) {
    for (const key of ['zaloOaSecretKey', 'zaloAppSecret', 'zaloRefreshToken'] as const) {
      if (!config[key]) context.addIssue({ code: 'custom', path: [key], message: 'required when ZALO_APP_ID is set (the Zalo channel is on)' });
    }
  }
  if (Boolean(config.officerBootstrapUser) !== Boolean(config.officerBootstrapPassword)) {
    context.addIssue({ code: 'custom', path: [config.officerBootstrapUser ? 'officerBootstrapPassword' : 'officerBootstrapUser'], message: 'set OFFICER_BOOTSTRAP_USER and OFFICER_BOOTSTRAP_PASSWORD together' });
  }
  if (config.llmBaseUrl && !config.llmModel) context.addIssue({ code: 'custom', path: ['llmModel'], message: 'required when LLM_BASE_URL is set' });
});

export type Config = z.infer<typeof ConfigSchema>;

/** Environment variable → config key. The README's configuration table lists the same names. */
const ENVIRONMENT_KEYS: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  EMBEDDING_MODEL_DIR: 'embeddingModelDir',
  CATALOG: 'catalog',
  RETRIEVAL_MODE: 'retrievalMode',
  REDIS_URL: 'redisUrl',
  REDIS_PREFIX: 'redisPrefix',
  ALLOWED_ORIGINS: 'allowedOrigins',
  RATE_LIMIT_CHAT_PER_MINUTE: 'rateLimitChatPerMinute',
  RATE_LIMIT_CONVERSATIONS_PER_HOUR: 'rateLimitConversationsPerHour',
  RATE_LIMIT_LOOKUPS_PER_MINUTE: 'rateLimitLookupsPerMinute',
  RATE_LIMIT_LOGINS_PER_MINUTE: 'rateLimitLoginsPerMinute',
  MAX_STREAMS_PER_CLIENT: 'maxStreamsPerClient',
  CONVERSATION_RETENTION_DAYS: 'conversationRetentionDays',
  LOG_LEVEL: 'logLevel',
  LLM_BASE_URL: 'llmBaseUrl',
  LLM_MODEL: 'llmModel',
  LLM_API_KEY: 'llmApiKey',
  LLM_TIMEOUT_MS: 'llmTimeoutMs',
  INTEGRATION_TOKEN: 'integrationToken',
  METRICS_TOKEN: 'metricsToken',
  DOSSIER_API_URL: 'dossierApiUrl',
  DOSSIER_API_TOKEN: 'dossierApiToken',
  DOSSIER_API_TIMEOUT_MS: 'dossierApiTimeoutMs',
  DOSSIER_DEMO: 'dossierDemo',
  OFFICER_BOOTSTRAP_USER: 'officerBootstrapUser',
  OFFICER_BOOTSTRAP_PASSWORD: 'officerBootstrapPassword',
  HANDOFF_CLAIM_TIMEOUT_MINUTES: 'handoffClaimTimeoutMinutes',
  OFFICE_HOURS: 'officeHours',
  ZALO_APP_ID: 'zaloAppId',
  ZALO_OA_ID: 'zaloOaId',
  ZALO_OA_SECRET_KEY: 'zaloOaSecretKey',
  ZALO_APP_SECRET: 'zaloAppSecret',
  ZALO_ACCESS_TOKEN: 'zaloAccessToken',
  ZALO_REFRESH_TOKEN: 'zaloRefreshToken',
  ZALO_API_BASE: 'zaloApiBase',
  ZALO_OAUTH_BASE: 'zaloOauthBase',
  ZALO_ZNS_BASE: 'zaloZnsBase',
  ZALO_ZNS_TEMPLATE_STATUS: 'zaloZnsTemplateStatus',
  ZALO_REPLAY_WINDOW_SECONDS: 'zaloReplayWindowSeconds',
  ZALO_API_TIMEOUT_MS: 'zaloApiTimeoutMs',
  LOCAL_SOURCE_NAME: 'localSourceName',
  LOCAL_REFRESH_SECONDS: 'localRefreshSeconds',
  DIRECTLINE_SECRET: 'directlineSecret',
  DIRECTLINE_TOKEN_TTL_SECONDS: 'directlineTokenTtlSeconds',
  // The Microsoft 365 Agents SDK's own variable names (its samples' .env), so one file serves both.
  clientId: 'agentsClientId',
  clientSecret: 'agentsClientSecret',
  tenantId: 'agentsTenantId',
};

/** This deployment's Redis channel prefix: REDIS_PREFIX, else the database name of DATABASE_URL, else "tro-ly". */
export function redisPrefix(config: Pick<Config, 'redisPrefix' | 'databaseUrl'>): string {
  if (config.redisPrefix) return config.redisPrefix;
  const database = config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1)) : '';
  return /^[\w.-]{1,64}$/.test(database) ? database : 'tro-ly';
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses explicit values over the environment. Throws ConfigError naming each bad variable. */
export function loadConfig(
  overrides: Partial<Config> = {},
  environment: NodeJS.ProcessEnv = process.env,
): Config {
  const fromEnvironment: Record<string, string> = {};
  for (const [variable, key] of Object.entries(ENVIRONMENT_KEYS)) {
    const value = environment[variable];
    if (value !== undefined && value !== '') fromEnvironment[key] = value;
  }
  const parsed = ConfigSchema.safeParse({ ...fromEnvironment, ...overrides });
  if (!parsed.success) {
    const variableOf = (key: PropertyKey) =>
      Object.entries(ENVIRONMENT_KEYS).find(([, k]) => k === key)?.[0] ?? String(key);
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${variableOf(issue.path[0] ?? '')}: ${issue.message}`),
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
