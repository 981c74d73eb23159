/**
 * The web-chat channel: POST /api/chat (one citizen turn), GET /api/chat/:id/events (server-sent
 * events for later messages: an officer's reply, a dossier status change), the embeddable widget
 * script and the demo portal page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ConversationService } from '../../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import type { EventHub } from '../../bot/events/event-hub.ts';
import { openEventStream } from '../http/event-stream.ts';
import { HttpError } from '../http/errors.ts';
import { toWebchatResponse } from './render.ts';

export const MAX_CHAT_TEXT = 2000;
const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

const ChatRequestSchema = z.object({
  conversationId: z.string().trim().min(1).max(100).regex(/^[\w-]+$/).optional(),
  text: z.string(),
  /** The payload of a quick reply the citizen clicked. */
  payload: z.string().max(200).optional(),
});

export interface WebchatDeps {
  conversations: ConversationService;
  store: ConversationStore;
  events: EventHub;
}

function parseChatRequest(body: unknown): z.infer<typeof ChatRequestSchema> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError('invalid_request', 'body must be a JSON object', 'Vui lòng gửi tin nhắn dạng JSON: {"text": "câu hỏi của bạn"}.');
  }
  const parsed = ChatRequestSchema.safeParse(body);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'text');
    const message =
      field === 'text'
        ? 'Tin nhắn phải là văn bản (trường "text").'
        : field === 'conversationId'
          ? 'Mã cuộc trò chuyện (conversationId) không hợp lệ.'
          : `Trường "${field}" không hợp lệ.`;
    throw new HttpError('invalid_request', `invalid ${field}`, message);
  }
  const text = parsed.data.text.trim();
  if (!text) throw new HttpError('invalid_request', 'empty text', 'Vui lòng nhập nội dung câu hỏi.');
  if (text.length > MAX_CHAT_TEXT) {
    throw new HttpError('invalid_request', 'text too long', `Tin nhắn quá dài: tối đa ${MAX_CHAT_TEXT.toLocaleString('vi-VN')} ký tự. Vui lòng rút gọn câu hỏi.`);
  }
  // Control characters other than newline/tab mean binary input, not a question.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) {
    throw new HttpError('invalid_request', 'binary text', 'Tin nhắn chứa ký tự không hợp lệ. Vui lòng chỉ gửi văn bản.');
  }
  return { ...parsed.data, text };
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
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.send(widget);
  });

  router.post('/api/chat', async (request: Request, response: Response) => {
    const message = parseChatRequest(request.body);
    const outcome = await deps.conversations.handleCitizenMessage({
      conversationId: message.conversationId,
      channel: 'webchat',
      text: message.text,
      payload: message.payload,
      ...(request.ip ? { clientKey: `ip:${request.ip}` } : {}),
      log: request.log,
    });
    response.json(toWebchatResponse(outcome));
  });

  router.get('/api/chat/:conversationId/events', async (request: Request, response: Response) => {
    const conversationId = String(request.params.conversationId);
    if (!(await deps.store.get(conversationId))) {
      throw new HttpError('not_found', 'unknown conversation', 'Không tìm thấy cuộc trò chuyện này.');
    }
    const stream = openEventStream(request, response);
    const send = stream.send;
    // Nothing lost across a reconnect: replay what the citizen's page has not seen.
    const lastEventId = Number(request.header('last-event-id'));
    if (Number.isInteger(lastEventId) && lastEventId > 0) {
      for (const stored of await deps.store.messages(conversationId, { afterId: lastEventId })) {
        if (stored.author === 'officer' || stored.author === 'system') {
          const quickReplies = (stored.payload as { quickReplies?: unknown } | null)?.quickReplies;
          send({ conversationId, type: 'message', from: stored.author, text: stored.text, messageId: stored.id, at: stored.createdAt, ...(Array.isArray(quickReplies) ? { quickReplies } : {}) }, stored.id);
        }
      }
    }
    stream.onClose(deps.events.subscribe(conversationId, (event) => send(event, event.messageId)));
  });

  return router;
}
