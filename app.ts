/**
 * createApp(deps): the Express application, with no listen() — deps/start-server.ts listens for
 * main.ts, the tools and the tests alike. Every route gets what it needs from the one Deps.
 */
import express, { type Express } from 'express';
import type { Deps } from './deps/build-deps.ts';
import { citizenCors } from './channels/http/cors.ts';
import { HttpError } from './channels/http/errors.ts';
import { pathGuard, textGuard } from './channels/http/input-guard.ts';
import { metricsRoutes, observeRequests } from './channels/http/metrics.ts';
import { errorHandler, requestContext } from './channels/http/middleware.ts';
import { healthReport } from './channels/http/readiness.ts';
import { dossierIntegrationRoutes } from './channels/api/integration-routes.ts';
import { procedureRoutes } from './channels/api/procedure-routes.ts';
import { insightRoutes } from './channels/officer/insights-routes.ts';
import { localRoutes } from './channels/officer/local-routes.ts';
import { officerRoutes } from './channels/officer/routes.ts';
import { feedbackRoutes } from './channels/webchat/feedback-routes.ts';
import { agentsRoutes } from './channels/directline/agents-endpoint.ts';
import { directLineRoutes, DIRECTLINE_BASE } from './channels/directline/directline-routes.ts';
import { webchatRoutes } from './channels/webchat/routes.ts';
import { zaloWebhookRoutes } from './channels/zalo/zalo-webhook.ts';

const DIRECTLINE_CORS_HEADERS = 'Authorization, Content-Type, X-Requested-With, x-ms-bot-agent';

export type AppDeps = Pick<
  Deps,
  'config' | 'logger' | 'assistant' | 'store' | 'events' | 'officer' | 'dossiers' | 'conversations' | 'zalo' | 'insights' | 'metrics' | 'limits' | 'directline' | 'agents' | 'local'
>;

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', 'loopback');
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(requestContext(deps.logger));
  app.use(observeRequests(deps.metrics));
  app.use(pathGuard());
  // Before the JSON parser: the Zalo signature covers the raw bytes.
  if (deps.zalo) app.use(zaloWebhookRoutes({ channel: deps.zalo.channel, inbound: deps.zalo.inbound }));
  app.use(express.json({ limit: '64kb' }));
  app.use(textGuard());

  app.use(metricsRoutes(deps.metrics, { token: deps.config.metricsToken }));
  app.get('/health', (_request, response) => {
    const report = healthReport(deps.assistant, deps.events);
    response.status(report.ready ? 200 : 503).json(report.body);
  });

  app.use(['/api/chat', '/widget.js'], citizenCors(deps.config.allowedOrigins));
  // Web Chat on a portal page calls Direct Line from the portal's origin, with its own headers.
  if (deps.directline) app.use(DIRECTLINE_BASE, citizenCors(deps.config.allowedOrigins, DIRECTLINE_CORS_HEADERS));
  app.use(procedureRoutes(deps.assistant));
  app.use(webchatRoutes({ conversations: deps.conversations, store: deps.store, events: deps.events, limits: deps.limits }));
  app.use(feedbackRoutes({ feedback: deps.insights.feedback }));
  app.use(insightRoutes({ accounts: deps.officer.accounts, insights: deps.insights.store, assistant: deps.assistant, phrasings: deps.local.overlay }));
  app.use(localRoutes({ accounts: deps.officer.accounts, overlay: deps.local.overlay, assistant: deps.assistant }));
  if (deps.directline) app.use(directLineRoutes(deps.directline));
  app.use(agentsRoutes({ conversations: deps.conversations, feedback: deps.insights.control, store: deps.store, log: deps.logger, limits: deps.limits, delivery: deps.agents.delivery, ...(deps.agents.credentials ? { credentials: deps.agents.credentials } : {}) }));
  app.use(officerRoutes({ ...deps.officer, limits: deps.limits, events: deps.events, store: deps.store, assistant: deps.assistant, ...(deps.zalo ? { delivery: deps.zalo.insight } : {}) }));
  app.use(dossierIntegrationRoutes(deps.dossiers, { store: deps.store, events: deps.events, log: deps.logger }));

  app.use((request, _response, next) => next(new HttpError('not_found', `${request.method} ${request.path}`)));
  app.use(errorHandler());
  return app;
}
