/**
 * The Direct Line WebSocket stream (`streamUrl`): each socket pushes `{activities, watermark}` sets
 * read from the conversation's stored messages past the socket's watermark — the backlog first,
 * then whatever a turn, an officer, the handoff desk or a dossier notice stores later. The store is
 * the one source, so nothing is sent twice or lost; the event hub (Redis across instances), a local
 * poke after each POST and a slow re-read only say "look again".
 * Each socket takes one of its client's stream slots (MAX_STREAMS_PER_CLIENT, shared with the
 * event streams; refused upgrade: 429) and is closed (1000, reason `TokenExpired`) when the
 * conversation token handed out with its URL expires: Web Chat then asks for a new stream URL with
 * its refreshed token and resumes from its watermark.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import type { EventHub } from '../../bot/events/event-hub.ts';
import { parseWatermark } from './activity.ts';
import { upgradeClientKey, type StreamSlots } from '../http/client-limits.ts';
import { DIRECTLINE_ERRORS, type DirectLineErrorKind } from './directline-errors.ts';
import type { DirectLineTokens } from './directline-tokens.ts';
import { storedActivities } from './portal-channel.ts';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]{1,100})\/stream$/;
const HEARTBEAT_MS = 30_000;
/** Safety net for a turn answered on another instance (its replies are not on the hub). */
const RESYNC_MS = 3_000;
const BATCH = 200;
/** How long a client over its stream cap is asked to wait (seconds). */
const STREAM_RETRY_SECONDS = 30;
/** The close sent when the socket's conversation token expires: a normal close, the reason naming Direct Line's error code. */
export const TOKEN_EXPIRED_CLOSE = { code: 1000, reason: 'TokenExpired' } as const;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface DirectLineStreams {
  /** Takes an HTTP upgrade for a stream URL; false when the path is not a Direct Line stream. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Something was stored in the conversation: its open sockets look again. */
  poke(conversationId: string): void;
  /** Open sockets (for tests and health). */
  openCount(): number;
  /** Ends every socket (the server is stopping). */
  close(): void;
}

export interface DirectLineStreamDeps {
  tokens: DirectLineTokens;
  store: ConversationStore;
  events: EventHub;
  log: Logger;
  /** Open streams per client (the same slots as the event streams of /api/chat and /api/officer). */
  slots: StreamSlots;
  /** Lifetime of a socket whose stream token names no expiry (tokens from before `until`): the conversation token TTL. */
  tokenTtlSeconds: number;
  now?: () => Date;
  resyncMs?: number;
}

/** Answers a refused upgrade with Direct Line's error body on plain HTTP, then drops the socket. */
const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' };

function refuse(socket: Duplex, kind: DirectLineErrorKind, retryAfterSeconds?: number): void {
  const { status, code, vi } = DIRECTLINE_ERRORS[kind];
  const body = JSON.stringify({ error: { code, message: vi } });
  const retry = retryAfterSeconds ? `Retry-After: ${retryAfterSeconds}\r\n` : '';
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n${retry}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  socket.destroy();
}

export function createDirectLineStreams(deps: DirectLineStreamDeps): DirectLineStreams {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const pokes = new Map<string, Set<() => void>>();
  /** Each open socket and what ends its subscriptions and timers. */
  const sockets = new Map<WebSocket, () => void>();

  const now = deps.now ?? (() => new Date());

  function serve(socket: WebSocket, conversationId: string, userId: string, watermark: number, until: number): void {
    let mark = watermark;
    let running = false;
    let again = false;
    let open = true;

    async function pump(): Promise<void> {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          for (;;) {
            const stored = await deps.store.messages(conversationId, { afterId: mark, limit: BATCH });
            if (!open || stored.length === 0) break;
            mark = stored.at(-1)!.id;
            socket.send(JSON.stringify({ activities: stored.flatMap((message) => storedActivities(message, userId)), watermark: String(mark) }));
            if (stored.length < BATCH) break;
          }
        } while (again && open);
      } catch (error) {
        deps.log.warn({ err: error, conversationId }, 'direct line stream read failed; the next event or re-read tries again');
      } finally {
        running = false;
      }
    }
    const wake = () => void pump();

    const local = pokes.get(conversationId) ?? new Set<() => void>();
    local.add(wake);
    pokes.set(conversationId, local);
    const unsubscribe = deps.events.subscribe(conversationId, wake);
    const resync = setInterval(wake, deps.resyncMs ?? RESYNC_MS);
    let alive = true;
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, HEARTBEAT_MS);
    // The conversation token handed out with this stream URL expires: close, and Web Chat reconnects
    // with its refreshed token (GET /conversations/:id → a new stream URL), from its watermark.
    const expiry = setTimeout(() => socket.close(TOKEN_EXPIRED_CLOSE.code, TOKEN_EXPIRED_CLOSE.reason), Math.min(MAX_TIMER_MS, Math.max(0, until * 1000 - now().getTime())));
    socket.on('pong', () => (alive = true));
    // Clients send empty messages as their own keep-alive; nothing a client sends is a turn here.
    socket.on('message', () => (alive = true));
    const cleanup = () => {
      if (!open) return;
      open = false;
      sockets.delete(socket);
      unsubscribe();
      clearInterval(resync);
      clearInterval(heartbeat);
      clearTimeout(expiry);
      local.delete(wake);
      if (local.size === 0) pokes.delete(conversationId);
    };
    sockets.set(socket, cleanup);
    socket.on('close', cleanup);
    socket.on('error', () => socket.terminate());
    wake();
  }

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://directline.invalid');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return false;
      let conversationId: string;
      try {
        conversationId = decodeURIComponent(match[1]!);
      } catch {
        refuse(socket, 'not_found');
        return true;
      }
      const token = url.searchParams.get('t');
      if (!token) {
        refuse(socket, 'missing_auth');
        return true;
      }
      const check = deps.tokens.verify(token);
      if (!check.ok) {
        refuse(socket, check.reason === 'expired' ? 'token_expired' : 'bad_token');
        return true;
      }
      if (check.claims.kind !== 'stream' || check.claims.conversationId !== conversationId) {
        refuse(socket, 'wrong_conversation');
        return true;
      }
      // A stream URL outlives the conversation token handed out with it only when that TTL is short.
      const until = check.claims.until ?? Math.floor(now().getTime() / 1000) + deps.tokenTtlSeconds;
      if (until * 1000 <= now().getTime()) {
        refuse(socket, 'token_expired');
        return true;
      }
      const release = deps.slots.acquire(upgradeClientKey(request));
      if (!release) {
        refuse(socket, 'too_many_streams', STREAM_RETRY_SECONDS);
        return true;
      }
      // The slot frees when the connection ends, whether the handshake completed or not.
      socket.once('close', release);
      const watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
      server.handleUpgrade(request, socket, head, (ws) => serve(ws, conversationId, check.claims.userId, watermark, until));
      return true;
    },
    poke(conversationId) {
      for (const wake of pokes.get(conversationId) ?? []) wake();
    },
    openCount: () => sockets.size,
    close() {
      // Cleanups first, while the event hub is still open; then the sockets go.
      for (const [socket, cleanup] of [...sockets]) {
        cleanup();
        socket.terminate();
      }
      server.close();
    },
  };
}
