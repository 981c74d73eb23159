/**
 * One citizen message, whatever the channel: store it (nothing is lost), then either let the bot
 * answer or — when an officer owns the conversation — stay silent and relay. The bot's reply lands
 * only if no takeover happened while it was thinking (version-checked write), so the bot can
 * never talk over an officer.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventHub } from '../events/event-hub.ts';
import type { HandoffTrigger } from '../handoff/handoff-states.ts';
import type { Ticket, TicketStore } from '../handoff/ticket-store.ts';
import type { ChatReply } from '../chat-reply.ts';
import { VersionConflictError, type Conversation, type ConversationStore, type StoredMessage } from './conversation-store.ts';

export interface CitizenMessage {
  /** Absent or unknown → a new conversation with a fresh id. */
  conversationId?: string;
  channel: string;
  text: string;
  /** Payload of a clicked quick reply. */
  payload?: string;
  /** Who sends on the network (e.g. `ip:203.0.113.5`), for per-client rate limits in the bot. */
  clientKey?: string;
  log?: Logger;
}

/** What the bot core decided for one turn (see bot/turn.ts). */
export interface CoreTurnResult {
  replies: ChatReply[];
  intent: string;
  procedure: { code: string; name: string } | null;
  confidence: number;
  state: Record<string, unknown>;
  handoffRequested: null | { reason: HandoffTrigger; sector?: string | null };
}

export type TurnRunner = (input: {
  conversationId: string;
  channel: string;
  text: string;
  payload?: string;
  clientKey?: string;
  state: Record<string, unknown>;
  receivedAt: Date;
}) => Promise<CoreTurnResult>;

export interface ChatOutcome {
  conversationId: string;
  replies: ChatReply[];
  intent: string;
  procedure: { code: string; name: string } | null;
  confidence: number;
  handoff: null | { state: Ticket['state']; ticketId: string; queuePosition?: number; expectedWaitMinutes?: number; answeredLater?: boolean };
  /** Ids of the stored reply messages (clients use them to de-duplicate the event stream). */
  messageIds: number[];
}

/** What the handoff desk (handoff/handoff-desk.ts) adds to a turn: notices, already stored. */
export interface DeskNotice {
  replies: ChatReply[];
  messageIds: number[];
  handoff: ChatOutcome['handoff'];
  intent?: string;
}

/** The handoff desk's part in a citizen turn (queue position and wait, office hours, ratings). */
export interface HandoffHooks {
  /** A rating or a callback number for a recent ticket: handled here, the bot is not asked. */
  intercept(input: { conversationId: string; text: string; payload?: string; log?: Logger }): Promise<DeskNotice | null>;
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
  newId?: () => string;
  /** Absent: the plain queue notice of waitingMessage(). */
  desk?: HandoffHooks;
}

export interface ConversationService {
  handleCitizenMessage(message: CitizenMessage): Promise<ChatOutcome>;
}

const MAX_ATTEMPTS = 3;

export function waitingMessage(position: number): string {
  return position > 1
    ? `Dạ, yêu cầu của bạn đang chờ cán bộ tiếp nhận (vị trí thứ ${position} trong hàng chờ). Cán bộ sẽ trả lời ngay tại đây, bạn vui lòng chờ trong giây lát ạ.`
    : 'Dạ, yêu cầu của bạn đang chờ cán bộ tiếp nhận (bạn là người tiếp theo). Cán bộ sẽ trả lời ngay tại đây, bạn vui lòng chờ trong giây lát ạ.';
}

export function createConversationService(deps: ConversationServiceDeps): ConversationService {
  const newId = deps.newId ?? randomUUID;

  async function queuePosition(ticket: Ticket): Promise<number> {
    const queue = await deps.tickets.queue();
    const index = queue.findIndex((t) => t.id === ticket.id);
    return index < 0 ? 1 : index + 1;
  }

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
    if (deps.desk) {
      const notice = await deps.desk.relayed(ticket, citizen);
      return { conversationId, replies: notice.replies, intent: 'handoff', procedure: null, confidence: 1, handoff: notice.handoff, messageIds: notice.messageIds };
    }
    const handoff = { state: ticket.state, ticketId: ticket.id } as NonNullable<ChatOutcome['handoff']>;
    if (ticket.state !== 'waiting_officer') {
      return { conversationId, replies: [], intent: 'handoff', procedure: null, confidence: 1, handoff, messageIds: [] };
    }
    const position = await queuePosition(ticket);
    const [notice] = await deps.store.append(conversationId, [{ author: 'system', text: waitingMessage(position) }]);
    return {
      conversationId,
      replies: [{ text: (notice as StoredMessage).text }],
      intent: 'handoff',
      procedure: null,
      confidence: 1,
      handoff: { ...handoff, queuePosition: position },
      messageIds: notice ? [notice.id] : [],
    };
  }

  return {
    async handleCitizenMessage(message) {
      const known = message.conversationId ? await deps.store.get(message.conversationId) : null;
      const conversationId = known?.id ?? newId();
      // Appending a message does not change the conversation's version, so the first attempt can
      // use the row read here; a retry (after a version conflict) reads it again.
      let current: Conversation | null = known ?? (await deps.store.ensure(conversationId, message.channel));
      const [citizen] = await deps.store.append(conversationId, [
        { author: 'citizen', text: message.text, payload: message.payload ? { payload: message.payload } : undefined },
      ]);

      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const conversation = attempt === 1 && current ? current : await deps.store.get(conversationId);
        current = null;
        if (!conversation) throw new Error(`conversation ${conversationId} disappeared`);
        // The flag changes only together with the version this turn is checked against, so
        // "false" here is safe: a ticket opened meanwhile makes saveTurn conflict and retry.
        const openTicket = conversation.handoffOpen ? await deps.tickets.openFor(conversationId) : null;
        if (openTicket) return relayToOfficer(conversationId, openTicket, citizen as StoredMessage);
        if (deps.desk && attempt === 1) {
          const handled = await deps.desk.intercept({ conversationId, text: message.text, payload: message.payload, log: message.log });
          if (handled) {
            return { conversationId, replies: handled.replies, intent: handled.intent ?? 'handoff', procedure: null, confidence: 1, handoff: handled.handoff, messageIds: handled.messageIds };
          }
        }

        const result = await deps.runTurn({
          conversationId,
          channel: message.channel,
          text: message.text,
          payload: message.payload,
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
            result.replies.map((reply) => ({
              author: 'bot' as const,
              text: reply.text,
              payload: reply.quickReplies || reply.card ? { quickReplies: reply.quickReplies, card: reply.card } : undefined,
              intent: result.intent,
              procedureCode: result.procedure?.code ?? null,
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
            sector: result.handoffRequested.sector ?? null,
            procedureCode: result.procedure?.code ?? null,
            summary: message.text.slice(0, 200),
          });
          handoff = { state: ticket.state, ticketId: ticket.id, queuePosition: await queuePosition(ticket) };
          if (deps.desk) {
            const notice = await deps.desk.opened(ticket, created, message.text, message.log);
            handoff = notice.handoff;
            replies = [...replies, ...notice.replies];
            messageIds.push(...notice.messageIds);
          }
        }
        return {
          conversationId,
          replies,
          intent: result.intent,
          procedure: result.procedure,
          confidence: result.confidence,
          handoff,
          messageIds,
        };
      }
      throw new Error(`conversation ${conversationId}: could not settle a turn after ${MAX_ATTEMPTS} attempts`);
    },
  };
}
