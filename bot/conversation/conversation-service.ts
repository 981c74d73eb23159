/**
 * One citizen message, whatever the channel: store it (nothing is lost), then either let the bot
 * answer or — when an officer owns the conversation — stay silent and relay. The bot's reply lands
 * only if no takeover happened while it was thinking (version-checked write), so the bot can
 * never talk over an officer.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { InboundMessage } from '../channel.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { Ticket, TicketStore } from '../handoff/ticket-store.ts';
import type { ProcedureCardData, QuickReply, Reply } from '../replies.ts';
import type { AnswerOutcome } from '../insights/answer-outcome.ts';
import type { Turn, TurnOutcome } from '../turn-context.ts';
import { VersionConflictError, type Conversation, type ConversationStore, type StoredMessage } from './conversation-store.ts';

/** One citizen message from any channel, with the request's logger. */
export interface CitizenMessage extends InboundMessage {
  log?: Logger;
}

/** The bot core's turn (bot/turn.ts handleTurn with its dependencies bound). */
export type TurnRunner = (turn: Turn) => Promise<TurnOutcome>;

export interface ChatOutcome {
  conversationId: string;
  replies: Reply[];
  intent: string;
  procedure: { code: string; name: string } | null;
  confidence: number;
  handoff: null | { state: Ticket['state']; ticketId: string; queuePosition?: number; expectedWaitMinutes?: number; answeredLater?: boolean };
  /** Ids of the stored reply messages (clients use them to de-duplicate the event stream). */
  messageIds: number[];
  /** The bot's answer (its first stored message), which the citizen may rate; null when the bot did not answer. */
  answerId?: number | null;
  /** What became of the bot's turn (absent when the bot did not answer). */
  outcome?: AnswerOutcome;
  /** Id of the citizen's own stored message (channels that echo it, like Direct Line, name it by this). */
  citizenMessageId: number;
}

/** What the handoff desk (handoff/handoff-desk.ts) adds to a turn: notices, already stored. */
export interface DeskNotice {
  replies: Reply[];
  messageIds: number[];
  handoff: ChatOutcome['handoff'];
  intent?: string;
}

/** The handoff desk's part in a citizen turn (queue position and wait, office hours, ratings). */
export interface HandoffHooks {
  /** A rating or a callback number for a recent ticket: handled here, the bot is not asked. */
  intercept(input: { conversationId: string; text: string; payload?: string | undefined; log?: Logger | undefined }): Promise<DeskNotice | null>;
  /** The bot asked for an officer and `ticket` is (now) open. */
  opened(ticket: Ticket, created: boolean, text: string, log?: Logger): Promise<DeskNotice>;
  /** A citizen message arrived while `ticket` is open (already published to the conversation). */
  relayed(ticket: Ticket, citizen: StoredMessage, log?: Logger): Promise<DeskNotice>;
}

export interface ConversationServiceDeps {
  store: ConversationStore;
  tickets: TicketStore;
  events: EventHub;
  runTurn: TurnRunner;
  /** The handoff desk: the one path by which a conversation reaches an officer and comes back. */
  desk: HandoffHooks;
  newId?: () => string;
}

export interface ConversationService {
  handleCitizenMessage(message: CitizenMessage): Promise<ChatOutcome>;
}

const MAX_ATTEMPTS = 3;

/**
 * What a stored bot message keeps of a rich reply, so a reconnecting client can show it again;
 * `rateable` marks the answer that carries the 👍/👎 control (insights/feedback-control.ts).
 */
function storedPayload(reply: Reply, rateable: boolean): { quickReplies?: QuickReply[] | undefined; card?: ProcedureCardData | undefined; rateable?: true } | undefined {
  const quickReplies = reply.kind === 'text' ? undefined : reply.quickReplies;
  const card = reply.kind === 'card' ? reply.card : undefined;
  return quickReplies || card || rateable ? { quickReplies, card, ...(rateable ? { rateable: true as const } : {}) } : undefined;
}

/** What a stored citizen message keeps besides its text: the clicked payload and the channel's own fields. */
function citizenPayload(message: CitizenMessage): { payload?: string; channelData?: Record<string, string> } | undefined {
  if (!message.payload && !message.channelData) return undefined;
  return { ...(message.payload ? { payload: message.payload } : {}), ...(message.channelData ? { channelData: message.channelData } : {}) };
}

export function createConversationService(deps: ConversationServiceDeps): ConversationService {
  const newId = deps.newId ?? randomUUID;

  async function publishStored(conversationId: string, messages: StoredMessage[]): Promise<void> {
    for (const message of messages) {
      await deps.events.publish({
        conversationId,
        type: 'message',
        from: message.author,
        text: message.text,
        messageId: message.id,
        at: message.createdAt,
      });
    }
  }

  /** A person owns the conversation: relay the citizen's words, the bot says nothing more. */
  async function relayToOfficer(conversationId: string, ticket: Ticket, citizen: StoredMessage): Promise<ChatOutcome> {
    await publishStored(conversationId, [citizen]);
    const notice = await deps.desk.relayed(ticket, citizen);
    return { conversationId, replies: notice.replies, intent: 'handoff', procedure: null, confidence: 1, handoff: notice.handoff, messageIds: notice.messageIds, citizenMessageId: citizen.id };
  }

  return {
    async handleCitizenMessage(message) {
      // Appending a message does not change the conversation's version, so the first attempt can
      // use the row read here; a retry (after a version conflict) reads it again.
      const arrival = await deps.store.receive(message.conversationId ?? null, newId(), message.channel, {
        author: 'citizen',
        text: message.text,
        payload: citizenPayload(message),
      });
      const conversationId = arrival.conversation.id;
      let current: Conversation | null = arrival.conversation;
      const citizen = arrival.message;
      const citizenMessageId = citizen.id;

      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const conversation = attempt === 1 && current ? current : await deps.store.get(conversationId);
        current = null;
        if (!conversation) throw new Error(`conversation ${conversationId} disappeared`);
        // The flag changes only together with the version this turn is checked against, so
        // "false" here is safe: a ticket opened meanwhile makes saveTurn conflict and retry.
        const openTicket = conversation.handoffOpen ? await deps.tickets.openFor(conversationId) : null;
        if (openTicket) return relayToOfficer(conversationId, openTicket, citizen);
        if (attempt === 1) {
          const handled = await deps.desk.intercept({ conversationId, text: message.text, payload: message.payload, log: message.log });
          if (handled) {
            return { conversationId, replies: handled.replies, intent: handled.intent ?? 'handoff', procedure: null, confidence: 1, handoff: handled.handoff, messageIds: handled.messageIds, citizenMessageId };
          }
        }

        const result = await deps.runTurn({
          conversationId,
          channel: message.channel,
          text: message.text,
          ...(message.payload ? { payload: message.payload } : {}),
          ...(message.clientKey ? { clientKey: message.clientKey } : {}),
          state: conversation.state,
          receivedAt: new Date(),
        });
        let saved: { messages: StoredMessage[] };
        try {
          saved = await deps.store.saveTurn(
            conversationId,
            conversation.version,
            result.state,
            result.replies.map((reply, index) => ({
              author: 'bot' as const,
              text: reply.text,
              // A committed procedure answer may be rated: its last message carries the control.
              payload: storedPayload(reply, result.outcome === 'answered' && index === result.replies.length - 1),
              intent: result.intent,
              procedureCode: result.procedure?.code ?? null,
              answer: { replyTo: citizenMessageId, outcome: result.outcome, confidence: result.confidence },
            })),
          );
        } catch (error) {
          // Someone else moved the conversation on (an officer took over, another tab wrote):
          // drop this reply and look again — never send a reply computed on stale ground.
          if (error instanceof VersionConflictError) {
            message.log?.info({ conversationId, attempt }, 'bot reply dropped: conversation changed meanwhile');
            continue;
          }
          throw error;
        }

        let handoff: ChatOutcome['handoff'] = null;
        let replies = result.replies;
        const messageIds = saved.messages.map((m) => m.id);
        if (result.handoffRequested) {
          const { ticket, created } = await deps.tickets.open({
            conversationId,
            channel: message.channel,
            trigger: result.handoffRequested.reason,
            sector: result.handoffRequested.sector,
            procedureCode: result.procedure?.code ?? null,
            summary: message.text.slice(0, 200),
          });
          const notice = await deps.desk.opened(ticket, created, message.text, message.log);
          handoff = notice.handoff;
          replies = [...replies, ...notice.replies];
          messageIds.push(...notice.messageIds);
        }
        return {
          conversationId,
          replies,
          intent: result.intent,
          procedure: result.procedure,
          confidence: result.confidence,
          handoff,
          messageIds,
          answerId: saved.messages[0]?.id ?? null,
          outcome: result.outcome,
          citizenMessageId,
        };
      }
      throw new Error(`conversation ${conversationId}: could not settle a turn after ${MAX_ATTEMPTS} attempts`);
    },
  };
}
