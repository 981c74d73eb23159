/**
 * PUT /api/integration/dossiers/:code — the one-stop system pushes a dossier's current state.
 *
 * - Authenticated with `Authorization: Bearer <INTEGRATION_TOKEN>`, compared in constant time.
 *   Without a configured token the endpoint answers 503 (never open); a wrong or missing token 401.
 * - The body is validated (knowledge/dossiers/dossier.ts); a bad one answers 400 naming the field.
 * - Idempotent: the same state pushed again changes nothing (200 `unchanged`); a new status is
 *   appended to the dossier's history and told to the conversations subscribed to it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { DossierSubscriptions } from '../../bot/dossiers/dossier-activity.ts';
import { createDossierNotifier } from '../../bot/dossiers/dossier-notifier.ts';
import type { BotLogger } from '../../bot/deps.ts';
import type { EventHub } from '../../bot/events/event-hub.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import { parseDossierCode, DOSSIER_CODE_EXAMPLE } from '../../knowledge/dossiers/dossier-code.ts';
import { DossierInputError, parseDossierInput, toDossier, type Dossier } from '../../knowledge/dossiers/dossier.ts';
import type { DossierStore } from '../../knowledge/dossiers/dossier-store.ts';
import { HttpError } from '../http/errors.ts';

/** What createApp needs for dossiers (AppDeps.dossiers). */
export interface DossierAppDeps {
  store: DossierStore;
  subscriptions: DossierSubscriptions;
  /** INTEGRATION_TOKEN; absent → the endpoint is not configured (503). */
  integrationToken?: string;
}

/** Where status-change notifications go: stored in the conversation, then published. */
export interface NotificationTargets {
  store: ConversationStore;
  events: EventHub;
  log?: BotLogger;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time check of `Authorization: Bearer <token>` (hashing first makes lengths equal). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

function authenticate(request: Request, response: Response, token: string | undefined): void {
  if (!token) throw new HttpError('integration_not_configured', 'INTEGRATION_TOKEN is not set');
  if (!bearerMatches(request.header('authorization'), token)) {
    response.setHeader('WWW-Authenticate', 'Bearer realm="integration"');
    throw new HttpError('unauthorized', 'missing or wrong bearer token');
  }
}

/** `deps` absent: the routes exist but answer 503, so a misconfigured deployment says so. */
export function dossierIntegrationRoutes(deps: DossierAppDeps | undefined, targets: NotificationTargets): Router {
  const router = Router();
  const notifier = deps && createDossierNotifier({ subscriptions: deps.subscriptions, ...targets });
  router.put('/api/integration/dossiers/:code', async (request: Request, response: Response) => {
    authenticate(request, response, deps?.integrationToken);
    if (!deps || !notifier) throw new HttpError('integration_not_configured', 'dossier store not wired');
    const code = parseDossierCode(String(request.params.code));
    if (!code) {
      throw new HttpError('invalid_request', 'invalid code', `Trường "code" không hợp lệ: mã hồ sơ phải có dạng ${DOSSIER_CODE_EXAMPLE}.`);
    }
    let dossier: Dossier;
    try {
      dossier = toDossier(code, parseDossierInput(request.body));
    } catch (error) {
      if (error instanceof DossierInputError) {
        throw new HttpError('invalid_request', error.message, `Trường "${error.field}" không hợp lệ: ${error.reason}.`);
      }
      throw error;
    }
    const pushed = await deps.store.upsert(dossier);
    const notified = pushed.statusChanged ? await notifier.statusChanged(pushed.dossier) : 0;
    request.log.info({ dossierCode: code, result: pushed.result, statusChanged: pushed.statusChanged, notified }, 'dossier pushed');
    response.status(pushed.result === 'created' ? 201 : 200).json({
      code,
      result: pushed.result,
      status: pushed.dossier.status,
      statusChanged: pushed.statusChanged,
      notified,
    });
  });

  /** What the store holds for a code, with its status history — for the one-stop system to check its pushes. */
  router.get('/api/integration/dossiers/:code', async (request: Request, response: Response) => {
    authenticate(request, response, deps?.integrationToken);
    if (!deps) throw new HttpError('integration_not_configured', 'dossier store not wired');
    const code = parseDossierCode(String(request.params.code));
    if (!code) {
      throw new HttpError('invalid_request', 'invalid code', `Trường "code" không hợp lệ: mã hồ sơ phải có dạng ${DOSSIER_CODE_EXAMPLE}.`);
    }
    const dossier = await deps.store.find(code);
    if (!dossier) throw new HttpError('dossier_not_found', `no dossier ${code}`);
    response.json({ dossier, history: await deps.store.history(code) });
  });
  return router;
}
