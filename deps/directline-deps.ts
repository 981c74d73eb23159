/**
 * Wires the portal channel's self-hosted Direct Line when DIRECTLINE_SECRET is set: the token
 * signer (scoped, expiring), the WebSocket streams (upgrades taken by deps/start-server.ts) and
 * what the routes need; absent secret = no Direct Line routes (404) and no stream upgrades.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ConversationService } from '../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { EventHub } from '../bot/events/event-hub.ts';
import type { FeedbackControl } from '../bot/insights/feedback-control.ts';
import type { ClientLimits } from '../channels/http/client-limits.ts';
import type { DirectLineDeps } from '../channels/directline/directline-routes.ts';
import { createDirectLineStreams } from '../channels/directline/directline-stream.ts';
import { createDirectLineTokens } from '../channels/directline/directline-tokens.ts';

export function createDirectLineDeps(input: {
  config: Config;
  store: ConversationStore;
  events: EventHub;
  conversations: ConversationService;
  feedback: FeedbackControl;
  log: Logger;
  /** The per-client buckets and stream slots of the whole server. */
  limits: ClientLimits;
  now?: () => Date;
  /** Tests only: a token lifetime below the configuration's minimum (to see a stream closed at expiry). */
  tokenTtlSeconds?: number;
}): DirectLineDeps | undefined {
  if (!input.config.directlineSecret) return undefined;
  const ttlSeconds = input.tokenTtlSeconds ?? input.config.directlineTokenTtlSeconds;
  const tokens = createDirectLineTokens({ secret: input.config.directlineSecret, ttlSeconds, ...(input.now ? { now: input.now } : {}) });
  const streams = createDirectLineStreams({
    tokens,
    store: input.store,
    events: input.events,
    log: input.log,
    slots: input.limits.streams,
    tokenTtlSeconds: ttlSeconds,
    ...(input.now ? { now: input.now } : {}),
  });
  return { tokens, streams, conversations: input.conversations, feedback: input.feedback, store: input.store, limits: input.limits };
}
