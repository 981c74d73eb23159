/**
 * createApp(deps): the Express application, with no listen() — tests start it on an ephemeral
 * port, main.ts on the configured one.
 */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createConversationService } from './bot/conversation-service.ts';
import type { EventHub } from './bot/events/event-hub.ts';
import type { TicketStore } from './bot/handoff/ticket-store.ts';
import type { ConversationStore } from './bot/store/conversation-store.ts';
import { HttpError } from './channels/http/errors.ts';
import { pathGuard, textGuard } from './channels/http/input-guard.ts';
import { errorHandler, requestContext } from './channels/http/middleware.ts';
import { dossierIntegrationRoutes, type DossierAppDeps } from './channels/integration/dossier-routes.ts';
import { readinessReport, requireService, type Services } from './channels/http/readiness.ts';
import { procedureRoutes } from './channels/procedures/routes.ts';
import { officerRoutes } from './channels/officer/routes.ts';
import type { OfficerAppDeps } from './channels/officer/setup.ts';
import { webchatRoutes } from './channels/webchat/routes.ts';

export interface AppDeps {
  logger: Logger;
  /** Filled in as start-up progresses; routes read it on each request. */
  services: Services;
  store: ConversationStore;
  tickets: TicketStore;
  events: EventHub;
  /** The built-in dossier store behind PUT /api/integration/dossiers/:code (absent: 503). */
  dossiers?: DossierAppDeps;
  /** The officer console and handoff desk (channels/officer/setup.ts); absent: /officer answers 503. */
  officer?: OfficerAppDeps;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(deps.logger));
  app.use(pathGuard());
  app.use(express.json({ limit: '64kb' }));
  app.use(textGuard());

  app.get('/health', (_request, response) => {
    const report = readinessReport(deps.services);
    response.status(report.ready ? 200 : 503).json({
      status: report.ready ? 'ok' : deps.services.startupError ? 'failed' : 'starting',
      ...report.parts,
      ...(deps.services.catalog ? { procedures: deps.services.catalog.size } : {}),
      ...(deps.services.startupError ? { error: deps.services.startupError } : {}),
    });
  });

  const conversations = createConversationService({
    store: deps.store,
    tickets: deps.tickets,
    events: deps.events,
    runTurn: (input) => requireService(deps.services, 'runTurn')(input),
    ...(deps.officer ? { desk: deps.officer.desk } : {}),
  });

  app.use(procedureRoutes(deps.services));
  app.use(webchatRoutes({ conversations, store: deps.store, events: deps.events }));
  if (deps.officer) {
    app.use(officerRoutes({ ...deps.officer, events: deps.events, store: deps.store, services: deps.services }));
  } else {
    app.use(['/officer', '/api/officer'], () => {
      throw new HttpError('officer_not_configured', 'officer console not wired');
    });
  }
  app.use(dossierIntegrationRoutes(deps.dossiers, { store: deps.store, events: deps.events, log: deps.logger }));

  app.use((request, _response, next) => next(new HttpError('not_found', `${request.method} ${request.path}`)));
  app.use(errorHandler());
  return app;
}
