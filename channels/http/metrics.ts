/**
 * GET /metrics in the Prometheus text format (prom-client, one registry per app): HTTP request
 * and turn latency histograms, turns by channel / intent / outcome, the handoff queue, the
 * outbox backlog and the age of the retrieval index. With METRICS_TOKEN set a scraper sends
 * `Authorization: Bearer <token>`; without it only a direct loopback caller is answered.
 */
import { timingSafeEqual } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConversationService } from '../../bot/conversation/conversation-service.ts';
import { HttpError } from './errors.ts';

const PREFIX = 'tro_ly_';
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the gauges read when scraped. */
export interface MetricsSources {
  backlog(): Promise<{ waitingTickets: number; outboxPending: number }>;
  /** When the retrieval index in use was built (undefined while the assistant loads). */
  indexBuiltAt(): Date | undefined;
}

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  turnDuration: Histogram<'channel'>;
  turns: Counter<'channel' | 'intent' | 'outcome'>;
}

export function createMetrics(sources: MetricsSources, options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const turnDuration = new Histogram({
    name: `${PREFIX}turn_duration_seconds`,
    help: 'Citizen turns from receipt to stored answer, by channel',
    labelNames: ['channel'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const turns = new Counter({
    name: `${PREFIX}turns_total`,
    help: 'Citizen turns by channel, intent and outcome (relayed = an officer had the conversation)',
    labelNames: ['channel', 'intent', 'outcome'] as const,
    registers: [registry],
  });
  let backlog: Promise<{ waitingTickets: number; outboxPending: number }> | null = null;
  // One query per scrape for both gauges.
  const readBacklog = () => (backlog ??= sources.backlog().finally(() => setTimeout(() => (backlog = null), 0)));
  new Gauge({
    name: `${PREFIX}handoff_queue_length`,
    help: 'Tickets waiting for an officer',
    registers: [registry],
    async collect() {
      this.set((await readBacklog()).waitingTickets);
    },
  });
  new Gauge({
    name: `${PREFIX}outbox_backlog`,
    help: 'Outbound push-channel messages not yet sent',
    registers: [registry],
    async collect() {
      this.set((await readBacklog()).outboxPending);
    },
  });
  new Gauge({
    name: `${PREFIX}index_age_seconds`,
    help: 'Seconds since the retrieval index in use was built (NaN while the assistant loads)',
    registers: [registry],
    collect() {
      const builtAt = sources.indexBuiltAt();
      this.set(builtAt ? (Date.now() - builtAt.getTime()) / 1000 : Number.NaN);
    },
  });
  return { registry, httpDuration, turnDuration, turns };
}

/** The matched route's pattern, never the raw path (ids would explode the label set). */
function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : '(no route)';
}

export function observeRequests(metrics: Metrics): RequestHandler {
  return (request, response, next) => {
    const end = metrics.httpDuration.startTimer();
    response.on('finish', () => end({ method: request.method, route: routeOf(request), status: String(response.statusCode) }));
    next();
  };
}

/** The conversation service, timing and counting each citizen turn. */
export function observeTurns(service: ConversationService, metrics: Metrics): ConversationService {
  return {
    async handleCitizenMessage(message) {
      const end = metrics.turnDuration.startTimer({ channel: message.channel });
      const outcome = await service.handleCitizenMessage(message);
      end();
      metrics.turns.inc({ channel: message.channel, intent: outcome.intent, outcome: outcome.outcome ?? 'relayed' });
      return outcome;
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = Buffer.from(header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function metricsRoutes(metrics: Metrics, options: { token?: string | undefined }): Router {
  const router = Router();
  router.get('/metrics', async (request, response) => {
    if (options.token) {
      if (!tokenMatches(options.token, request.header('authorization'))) throw new HttpError('unauthorized', 'metrics: missing or wrong bearer token');
    } else {
      // A request relayed by a proxy on this machine comes from loopback too, but carries a forwarding header.
      const direct = !request.header('x-forwarded-for') && !request.header('forwarded');
      if (!direct || !LOOPBACK.has(request.socket.remoteAddress ?? '')) {
        throw new HttpError('forbidden', 'metrics: loopback only without METRICS_TOKEN');
      }
    }
    response.setHeader('Cache-Control', 'no-store');
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
