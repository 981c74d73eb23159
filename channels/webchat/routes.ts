/**
 * The web-chat channel: POST /api/chat (one citizen turn), GET /api/chat/:id/events (server-sent
 * events for later messages: an officer's reply, a dossier status change), the embeddable widget
 * script and the demo portal page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import type { ChatOutcome, ConversationService } from '../../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import type { EventHub } from '../../bot/events/event-hub.ts';
import { admitClient, claimStreamSlot, type ClientLimits } from '../http/client-limits.ts';
import { HttpError } from '../http/errors.ts';
import { openCitizenStream } from './citizen-stream.ts';
import { webchatChannel } from './webchat-channel.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

export interface WebchatDeps {
  conversations: ConversationService;
  store: ConversationStore;
  events: EventHub;
  limits: ClientLimits;
}

/** One turn's answer as the widget reads it: the outcome with replies rendered for web chat. */
function toWebchatResponse(outcome: ChatOutcome) {
  return {
    conversationId: outcome.conversationId,
    // Each reply carries its stored message's id (when they pair up), so the widget shows a
    // message once even when the event stream brought it first (the queue notice at handoff).
    replies: outcome.replies.flatMap((reply, index) => {
      const messageId = outcome.messageIds.length === outcome.replies.length ? outcome.messageIds[index] : undefined;
      const parts = webchatChannel.render({ conversationId: outcome.conversationId, from: 'bot', reply });
      return messageId === undefined ? parts : parts.map((part) => ({ ...part, messageId }));
    }),
    intent: outcome.intent,
    procedure: outcome.procedure,
    confidence: Number(outcome.confidence.toFixed(3)),
    handoff: outcome.handoff,
    messageIds: outcome.messageIds,
    answerId: outcome.answerId ?? null,
  };
}

export function webchatRoutes(deps: WebchatDeps): Router {
  const router = Router();
  const widget = readFileSync(path.join(publicDir, 'widget.js'), 'utf8');
  const demoPage = readFileSync(path.join(publicDir, 'index.html'), 'utf8');

  router.get('/', (_request, response) => {
    response.type('html').send(demoPage);
  });
  router.get('/widget.js', (_request, response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'public, max-age=300');
    response.send(widget);
  });

  router.post('/api/chat', async (request: Request, response: Response) => {
    const message = webchatChannel.receive({
      body: request.body,
      headers: request.headers as Record<string, string | undefined>,
      ...(request.ip ? { clientKey: `ip:${request.ip}` } : {}),
    });
    // Limits before anything is stored: a refused turn leaves no trace.
    await admitClient(deps.limits, deps.limits.rules.chat, request, response);
    const known = message.conversationId ? await deps.store.get(message.conversationId) : null;
    if (!known) await admitClient(deps.limits, deps.limits.rules.conversation, request, response);
    const outcome = await deps.conversations.handleCitizenMessage({ ...message, log: request.log });
    response.json(toWebchatResponse(outcome));
  });

  router.get('/api/chat/:conversationId/events', async (request: Request, response: Response) => {
    const conversationId = String(request.params.conversationId);
    if (!(await deps.store.get(conversationId))) {
      throw new HttpError('not_found', 'unknown conversation', 'Không tìm thấy cuộc trò chuyện này.');
    }
    claimStreamSlot(deps.limits.streams, request, response);
    await openCitizenStream(request, response, deps, conversationId);
  });

  return router;
}
