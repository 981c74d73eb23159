/**
 * `POST /api/messages`: the portal channel for Azure Bot Service (and the Bot Framework Emulator)
 * through the Microsoft 365 Agents SDK. The SDK's JWT middleware authenticates requests when Azure
 * credentials are configured; without them only loopback callers are accepted. Each message
 * activity is one citizen turn; what the conversation then stores (the answer, desk notices, later
 * an officer's reply) is sent by agents-delivery.ts through the SDK's connector client, as replies
 * to the activity. The Bot Framework conversation maps to one of ours by a digest, so follow-ups
 * continue it. Each message activity takes a token of the chat bucket (RATE_LIMIT_CHAT_PER_MINUTE)
 * after the JWT check: per client address in loopback development; with Azure credentials per
 * Bot Framework conversation, since every request then comes from Azure's addresses. Over it:
 * 429 with Retry-After, the activity not processed.
 */
import { createHash } from 'node:crypto';
import { AgentApplication, authorizeJWT, CloudAdapter, getAuthConfigWithDefaults, type AuthConfiguration, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { ChannelInputError, type InboundMessage } from '../../bot/channel.ts';
import type { ConversationService } from '../../bot/conversation/conversation-service.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import type { FeedbackControl } from '../../bot/insights/feedback-control.ts';
import { NotReadyError } from '../../bot/readiness.ts';
import { admitClient, clientKey, type ClientLimits } from '../http/client-limits.ts';
import { HttpError } from '../http/errors.ts';
import type { AgentsDelivery } from './agents-delivery.ts';
import { PORTAL_CHANNEL, portalChannel } from './portal-channel.ts';

export const AGENTS_PATH = '/api/messages';

export interface AgentsEndpointDeps {
  conversations: ConversationService;
  /** 👍/👎 clicks and the comment after a 👎: recorded, not run as turns. */
  feedback: FeedbackControl;
  store: ConversationStore;
  log: Logger;
  /** Keeps each conversation's address and sends what the conversation stores. */
  delivery: Pick<AgentsDelivery, 'remember'>;
  /** The server's per-client buckets: a message activity is a chat turn. */
  limits: Pick<ClientLimits, 'limiter' | 'rules'>;
  /** The Azure Bot's app registration; absent = anonymous, loopback callers only. Never logged. */
  credentials?: { clientId: string; clientSecret: string; tenantId: string };
}

/** Our conversation for a Bot Framework one: stable, opaque, and free of the channel's own ids. */
export function portalConversationId(channelId: string, conversationId: string): string {
  return `bf-${createHash('sha256').update(`${channelId}\n${conversationId}`).digest('hex').slice(0, 32)}`;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

type AgentRequestHandler = (request: Request, response: Response) => Promise<void>;

/** The chat bucket a message activity takes from: its Bot Framework conversation with Azure, else the caller's address. */
function bucketKey(request: Request, deps: AgentsEndpointDeps): string {
  if (!deps.credentials) return clientKey(request);
  const activity = (request.body ?? {}) as { channelId?: unknown; conversation?: { id?: unknown } };
  return `conversation:${portalConversationId(String(activity.channelId ?? 'unknown'), String(activity.conversation?.id ?? ''))}`;
}

/**
 * The SDK's request handler with our agent — as createAgentRequestHandler composes it (JWT check,
 * then the adapter), with the chat bucket between the two: one citizen turn per message activity.
 */
function agentHandler(deps: AgentsEndpointDeps): AgentRequestHandler {
  // Explicit settings: the SDK would otherwise read process.env itself (config.ts is the one reader).
  const auth: AuthConfiguration = getAuthConfigWithDefaults(
    deps.credentials ? { clientId: deps.credentials.clientId, clientSecret: deps.credentials.clientSecret, tenantId: deps.credentials.tenantId } : {},
  );
  const adapter = new CloudAdapter(auth);
  // The SDK's default tells the citizen, in English, to "fix the source code": ours says it plainly.
  adapter.onTurnError = async (context, error) => {
    const starting = error instanceof NotReadyError;
    if (!starting) deps.log.error({ err: error }, 'portal turn failed (/api/messages)');
    const text = starting ? 'Hệ thống đang khởi động, vui lòng thử lại sau ít phút.' : 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.';
    // A connector that cannot be reached now cannot be told either: logged once, not thrown again.
    await context.sendActivity({ type: 'message', text, textFormat: 'plain' } as never).catch((sendError: unknown) => {
      deps.log.warn({ err: sendError }, 'could not tell the portal conversation about the failure');
    });
  };
  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: false });
  agent.onActivity('message', async (context: TurnContext) => {
    const activity = context.activity;
    const conversationId = portalConversationId(activity.channelId ?? 'unknown', activity.conversation?.id ?? '');
    let message: InboundMessage;
    try {
      message = portalChannel.receive({ body: { ...activity, conversation: { id: conversationId } }, headers: {} });
    } catch (error) {
      // Refused input (empty, binary, too long) is told to the citizen in their conversation.
      if (error instanceof ChannelInputError) {
        await context.sendActivity({ type: 'message', text: error.userMessage, textFormat: 'plain' } as never);
        return;
      }
      throw error;
    }
    await deps.store.ensure(conversationId, PORTAL_CHANNEL);
    // The activity's id goes with the citizen's message, so the answers are sent as replies to it.
    const channelData = { ...message.channelData, ...(activity.id ? { activityId: activity.id } : {}) };
    const log = deps.log.child({ conversationId });
    const rated = await deps.feedback.intercept({ ...message, channelData, conversationId, log });
    if (!rated) await deps.conversations.handleCitizenMessage({ ...message, channelData, conversationId, log });
    if (!activity.serviceUrl || !activity.conversation?.id) return;
    await deps.delivery.remember(conversationId, {
      serviceUrl: activity.serviceUrl,
      channelId: activity.channelId ?? 'unknown',
      conversationId: activity.conversation.id,
      botId: activity.recipient?.id ?? 'bot',
    });
  });

  const checkJwt = authorizeJWT(auth);
  return async (request, response) => {
    let passed = false;
    let failure: unknown;
    await checkJwt(request as never, response as never, (error?: unknown) => {
      passed = true;
      failure = error;
    });
    if (failure) throw failure;
    // The middleware answered (401) itself.
    if (!passed || response.headersSent) return;
    if ((request.body as { type?: unknown } | undefined)?.type === 'message') {
      await admitClient(deps.limits, deps.limits.rules.chat, request, response, undefined, bucketKey(request, deps));
    }
    await adapter.process(request as never, response as never, (context) => agent.run(context));
  };
}

export function agentsRoutes(deps: AgentsEndpointDeps): Router {
  let handle: AgentRequestHandler | null = null;
  try {
    handle = agentHandler(deps);
  } catch (error) {
    // The SDK refuses anonymous use under NODE_ENV=production: the endpoint then stays off (503).
    deps.log.warn({ err: error }, '/api/messages off: Azure credentials (clientId, clientSecret, tenantId) are required in production');
  }
  const router = Router();
  router.post(AGENTS_PATH, async (request: Request, response: Response) => {
    if (!handle) throw new HttpError('agents_not_configured', 'no Azure credentials under NODE_ENV=production');
    if (!deps.credentials && !LOOPBACK.test(request.ip ?? '')) {
      throw new HttpError('forbidden', 'anonymous /api/messages from a non-loopback address', 'Kênh Bot Framework chưa được cấu hình xác thực Azure (clientId, clientSecret, tenantId); chỉ nhận yêu cầu từ chính máy chủ.');
    }
    await handle(request, response);
  });
  return router;
}
