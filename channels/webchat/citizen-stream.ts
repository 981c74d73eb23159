/**
 * The citizen's event stream (GET /api/chat/:id/events) and how it loses nothing: every stored
 * message goes out with its id (`id:` line), a reconnect with Last-Event-ID replays what came
 * after it, and while the event hub's transport (Redis) is down — or just after it comes back —
 * the stream reads new messages from the database every CATCH_UP_MS. Ids already sent are never
 * sent twice.
 */
import type { Request, Response } from 'express';
import type { ConversationStore, StoredMessage } from '../../bot/conversation/conversation-store.ts';
import type { ConversationEvent, EventHub } from '../../bot/events/event-hub.ts';
import { openEventStream } from '../http/event-stream.ts';

export const CATCH_UP_MS = 2_000;
const PAGE = 200;

/** What the widget shows from the database: officers' and the desk's messages (the bot's come with the turn). */
function toEvent(conversationId: string, stored: StoredMessage): ConversationEvent | null {
  if (stored.author !== 'officer' && stored.author !== 'system') return null;
  const quickReplies = (stored.payload as { quickReplies?: unknown } | null)?.quickReplies;
  return {
    conversationId,
    type: 'message',
    from: stored.author,
    text: stored.text,
    messageId: stored.id,
    at: stored.createdAt,
    ...(Array.isArray(quickReplies) ? { quickReplies: quickReplies as ConversationEvent['quickReplies'] } : {}),
  };
}

export async function openCitizenStream(
  request: Request,
  response: Response,
  deps: { store: Pick<ConversationStore, 'messages' | 'lastMessageId'>; events: EventHub },
  conversationId: string,
): Promise<void> {
  const stream = openEventStream(request, response);
  const sent = new Set<number>();
  let open = true;
  const send = (event: ConversationEvent) => {
    if (!open) return;
    if (event.messageId !== undefined) {
      if (sent.has(event.messageId)) return;
      sent.add(event.messageId);
    }
    stream.send(event, event.messageId);
  };
  // Listening first, then reading the database: nothing falls between the two.
  const unsubscribe = deps.events.subscribe(conversationId, send);

  /** Where the database reading stands: ids up to here have been read (and sent when shown). */
  let cursor = 0;
  let reading = Promise.resolve();
  const catchUp = () => {
    reading = reading.then(async () => {
      for (;;) {
        if (!open) return;
        const page = await deps.store.messages(conversationId, { afterId: cursor, limit: PAGE });
        for (const stored of page) {
          cursor = Math.max(cursor, stored.id);
          const event = toEvent(conversationId, stored);
          if (event) send(event);
        }
        if (page.length < PAGE) return;
      }
    }).catch(() => undefined);
    return reading;
  };

  const lastEventId = Number(request.header('last-event-id'));
  if (Number.isInteger(lastEventId) && lastEventId > 0) {
    cursor = lastEventId;
    await catchUp();
  } else {
    cursor = await deps.store.lastMessageId(conversationId).catch(() => 0);
  }

  let wasDown = false;
  const timer = setInterval(() => {
    const down = deps.events.status?.() === 'down';
    // While down, and once more after: what other instances stored meanwhile never crossed Redis.
    if (down || wasDown) void catchUp();
    wasDown = down;
  }, CATCH_UP_MS);
  timer.unref();
  stream.onClose(() => {
    open = false;
    clearInterval(timer);
    unsubscribe();
  });
}
