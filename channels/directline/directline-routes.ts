/**
 * A self-hosted Direct Line 3.0 API, so a portal page can embed Microsoft's Web Chat with no Azure:
 * tokens (generate with DIRECTLINE_SECRET, refresh), conversations (start, reconnect), activities
 * (GET since a watermark, POST a citizen message as one turn of the conversation service). Ids and
 * watermarks come from the stored messages; the WebSocket stream is directline-stream.ts.
 * Per-client buckets as on /api/chat: an activity POST is a chat turn, a conversation stored for
 * the first time (started, or first used with a generated token) a new conversation; over them
 * 429 TooManyRequests with Retry-After, decided after the token check and before anything is stored.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { ConversationService } from '../../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import type { FeedbackControl } from '../../bot/insights/feedback-control.ts';
import { admitClient, type ClientLimits } from '../http/client-limits.ts';
import { activityId, parseWatermark } from './activity.ts';
import { DirectLineError, directLineErrorHandler } from './directline-errors.ts';
import type { DirectLineStreams } from './directline-stream.ts';
import type { DirectLineTokens, TokenClaims } from './directline-tokens.ts';
import { PORTAL_CHANNEL, portalChannel, storedActivities } from './portal-channel.ts';

export const DIRECTLINE_BASE = '/v3/directline';
/** How long a stream URL may wait before the client opens it (it asks for a new one on each reconnect). */
const STREAM_TOKEN_SECONDS = 120;
/** Most activities one GET returns; the watermark lets the client fetch the rest. */
const MAX_ACTIVITIES = 500;

export interface DirectLineDeps {
  tokens: DirectLineTokens;
  streams: DirectLineStreams;
  conversations: ConversationService;
  /** 👍/👎 clicks and the comment after a 👎: recorded, not run as turns. */
  feedback: FeedbackControl;
  store: ConversationStore;
  /** The server's per-client buckets (chat turns, new conversations) — the same as /api/chat's. */
  limits: Pick<ClientLimits, 'limiter' | 'rules'>;
}

type Caller = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims };

function bearer(request: Request): string {
  const match = /^Bearer ([^\s]{1,4096})$/.exec(request.header('authorization') ?? '');
  if (!match) throw new DirectLineError('missing_auth');
  return match[1]!;
}

function userIdFrom(body: unknown): string {
  const user = (body as { user?: { id?: unknown }; User?: { Id?: unknown } } | undefined)?.user?.id ?? (body as { User?: { Id?: unknown } } | undefined)?.User?.Id;
  return typeof user === 'string' && /^[\w:.@-]{1,64}$/.test(user) ? user : `dl_${randomBytes(12).toString('hex')}`;
}

export function directLineRoutes(deps: DirectLineDeps): Router {
  const router = Router();
  const { tokens } = deps;

  function caller(request: Request): Caller {
    const presented = bearer(request);
    if (tokens.isSecret(presented)) return { kind: 'secret' };
    const check = tokens.verify(presented);
    if (!check.ok) throw new DirectLineError(check.reason === 'expired' ? 'token_expired' : 'bad_token');
    if (check.claims.kind !== 'conversation') throw new DirectLineError('bad_token');
    return { kind: 'token', claims: check.claims };
  }

  /** The caller may act on conversation `:conversationId` (the secret may act on any); no storage touched. */
  function authorized(request: Request): { who: Caller; conversationId: string; userId: string } {
    const who = caller(request);
    const conversationId = String(request.params.conversationId);
    if (who.kind === 'token' && who.claims.conversationId !== conversationId) throw new DirectLineError('wrong_conversation');
    return { who, conversationId, userId: who.kind === 'token' ? who.claims.userId : 'dl_secret' };
  }

  /** The conversation exists afterwards: one the secret names must; a token's is stored at its first use (a new conversation for the client's bucket). */
  async function opened(request: Request, response: Response, { who, conversationId }: { who: Caller; conversationId: string }): Promise<void> {
    if (await deps.store.get(conversationId)) return;
    if (who.kind === 'secret') throw new DirectLineError('conversation_not_found');
    // A token proves its conversation was handed out by us: it exists from its first use on.
    await admitClient(deps.limits, deps.limits.rules.conversation, request, response);
    await deps.store.ensure(conversationId, PORTAL_CHANNEL);
  }

  async function conversationOf(request: Request, response: Response): Promise<{ conversationId: string; userId: string }> {
    const access = authorized(request);
    await opened(request, response, access);
    return { conversationId: access.conversationId, userId: access.userId };
  }

  function streamUrl(request: Request, conversationId: string, userId: string, until: number, watermark?: number): string {
    const scheme = request.protocol === 'https' ? 'wss' : 'ws';
    const { token } = tokens.issue({ conversationId, userId, kind: 'stream', ttlSeconds: STREAM_TOKEN_SECONDS, until });
    const query = new URLSearchParams({ ...(watermark ? { watermark: String(watermark) } : {}), t: token });
    return `${scheme}://${request.get('host')}${DIRECTLINE_BASE}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
  }

  function conversationAnswer(request: Request, conversationId: string, userId: string, watermark?: number) {
    const { token, expiresIn, expiresAt } = tokens.issue({ conversationId, userId });
    // The socket lives as long as the token handed out with its URL (Web Chat refreshes that one).
    return { conversationId, token, expires_in: expiresIn, streamUrl: streamUrl(request, conversationId, userId, expiresAt, watermark) };
  }

  router.post(`${DIRECTLINE_BASE}/tokens/generate`, (request: Request, response: Response) => {
    if (caller(request).kind !== 'secret') throw new DirectLineError('secret_required');
    const conversationId = randomUUID();
    const { token, expiresIn } = tokens.issue({ conversationId, userId: userIdFrom(request.body) });
    response.json({ conversationId, token, expires_in: expiresIn });
  });

  router.post(`${DIRECTLINE_BASE}/tokens/refresh`, (request: Request, response: Response) => {
    const who = caller(request);
    if (who.kind !== 'token') throw new DirectLineError('token_required');
    const { token, expiresIn } = tokens.issue({ conversationId: who.claims.conversationId, userId: who.claims.userId });
    response.json({ conversationId: who.claims.conversationId, token, expires_in: expiresIn });
  });

  router.post(`${DIRECTLINE_BASE}/conversations`, async (request: Request, response: Response) => {
    const who = caller(request);
    const conversationId = who.kind === 'token' ? who.claims.conversationId : randomUUID();
    const userId = who.kind === 'token' ? who.claims.userId : userIdFrom(request.body);
    const existed = Boolean(await deps.store.get(conversationId));
    if (!existed) {
      await admitClient(deps.limits, deps.limits.rules.conversation, request, response);
      await deps.store.ensure(conversationId, PORTAL_CHANNEL);
    }
    response.status(existed ? 200 : 201).json(conversationAnswer(request, conversationId, userId));
  });

  // Reconnect: a fresh token and a stream URL that resumes after the watermark.
  router.get(`${DIRECTLINE_BASE}/conversations/:conversationId`, async (request: Request, response: Response) => {
    const { conversationId, userId } = await conversationOf(request, response);
    response.json(conversationAnswer(request, conversationId, userId, parseWatermark(request.query.watermark)));
  });

  router.get(`${DIRECTLINE_BASE}/conversations/:conversationId/activities`, async (request: Request, response: Response) => {
    const { conversationId, userId } = await conversationOf(request, response);
    const after = parseWatermark(request.query.watermark);
    const stored = await deps.store.messages(conversationId, { afterId: after, limit: MAX_ACTIVITIES });
    response.json({
      activities: stored.flatMap((message) => storedActivities(message, userId)),
      watermark: String(stored.at(-1)?.id ?? after),
    });
  });

  router.post(`${DIRECTLINE_BASE}/conversations/:conversationId/activities`, async (request: Request, response: Response) => {
    const access = authorized(request);
    const { conversationId, userId } = access;
    // Every activity POST takes one token of the client's chat bucket, before anything is stored.
    await admitClient(deps.limits, deps.limits.rules.chat, request, response);
    const type = (request.body as { type?: unknown } | undefined)?.type;
    // Typing indicators and events are accepted as Direct Line does, and not stored: only messages are turns.
    if (typeof type === 'string' && type !== 'message') {
      await opened(request, response, access);
      response.json({ id: `${conversationId}|${type.slice(0, 32)}-${randomBytes(6).toString('hex')}` });
      return;
    }
    const body = request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? request.body : undefined;
    const message = portalChannel.receive({
      // The conversation is the URL's (checked against the token), whatever the body claims; so is the user.
      body: body ? { ...body, conversation: { id: conversationId }, from: { ...(body.from ?? {}), id: userId === 'dl_secret' ? (body.from?.id ?? userId) : userId } } : body,
      headers: request.headers as Record<string, string | undefined>,
      ...(request.ip ? { clientKey: `ip:${request.ip}` } : {}),
    });
    await opened(request, response, access);
    const rated = await deps.feedback.intercept({ ...message, conversationId, log: request.log });
    const citizenMessageId = rated?.citizenMessageId ?? (await deps.conversations.handleCitizenMessage({ ...message, conversationId, log: request.log })).citizenMessageId;
    deps.streams.poke(conversationId);
    response.json({ id: activityId(citizenMessageId, 0) });
  });

  router.use(DIRECTLINE_BASE, (_request, _response, next) => next(new DirectLineError('not_found')));
  router.use(DIRECTLINE_BASE, directLineErrorHandler());
  return router;
}
