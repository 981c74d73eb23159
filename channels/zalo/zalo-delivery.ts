/**
 * Everything the conversation says to a Zalo citizen — bot answers, officer replies, desk
 * notices, dossier status notices — reaches the outbox through the stored-message delivery
 * (bot/delivery/stored-delivery.ts): rendered for Zalo here, with a ZNS status notice as the
 * fallback outside the messaging window, and the choices offered noted for button presses.
 */
import type { ConversationEvent } from '../../bot/events/event-hub.ts';
import type { ChannelContacts } from '../../bot/delivery/channel-contacts.ts';
import { createStoredDelivery } from '../../bot/delivery/stored-delivery.ts';
import type { NewOutboxItem, OutboxStore } from '../../bot/delivery/outbox-store.ts';
import type { ConversationStore, StoredMessage } from '../../bot/conversation/conversation-store.ts';
import { cardReply, quickRepliesReply, textReply, type ProcedureCardData, type QuickReply, type Reply } from '../../bot/replies.ts';
import { STATUS_WORDS } from '../../bot/dossiers/status-words.ts';
import { FEEDBACK_INTENT, offersFeedback } from '../../bot/insights/feedback-control.ts';
import type { DossierState } from '../../knowledge/dossiers/dossier.ts';
import type { ZaloTemplateMessage } from './zalo-api-client.ts';
import type { ZaloChannel } from './zalo-channel.ts';

interface DeliveryLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

export interface ZaloDeliveryDeps {
  store: ConversationStore;
  contacts: ChannelContacts;
  outbox: OutboxStore;
  channel: ZaloChannel;
  /** ZNS template id for dossier status notices outside the messaging window (ZALO_ZNS_TEMPLATE_STATUS). */
  statusTemplateId?: string;
  /** Called when something was enqueued (wakes the outbox worker). */
  kick(): void;
  now?: () => Date;
  log?: DeliveryLogger;
}

export interface ZaloDelivery {
  /** Hands the conversation's undelivered messages to the outbox; returns how many parts were enqueued. */
  sync(conversationId: string): Promise<number>;
  /** An EventHub listener (subscribeAll): syncs Zalo conversations, ignores the rest. */
  onEvent(event: ConversationEvent): void;
  /** Syncs the Zalo conversations whose messages a crash left undelivered. */
  catchUp(): Promise<number>;
}


/** A stored message back as the reply it was (its payload keeps buttons and card). */
export function replyOf(message: StoredMessage): Reply {
  const payload = (message.payload ?? {}) as { quickReplies?: unknown; card?: unknown };
  const choices = Array.isArray(payload.quickReplies)
    ? (payload.quickReplies as QuickReply[]).filter((c) => typeof c?.label === 'string' && typeof c?.payload === 'string')
    : [];
  if (payload.card && typeof payload.card === 'object') return cardReply(message.text, payload.card as ProcedureCardData, choices);
  return choices.length ? quickRepliesReply(message.text, choices) : textReply(message.text);
}

const vietnamDate = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));

/**
 * The ZNS notice standing in for a dossier status message outside the window. The template's
 * parameters (README, "Zalo OA"): ma_ho_so, trang_thai, ngay_cap_nhat.
 */
function statusTemplate(message: StoredMessage, templateId: string | undefined): ZaloTemplateMessage | undefined {
  const dossier = (message.payload as { dossier?: { code?: unknown; status?: unknown } } | null)?.dossier;
  if (!templateId || message.intent !== 'status' || typeof dossier?.code !== 'string') return undefined;
  const words = STATUS_WORDS[dossier.status as DossierState];
  return {
    template_id: templateId,
    template_data: { ma_ho_so: dossier.code, trang_thai: (words?.label ?? String(dossier.status ?? '')).slice(0, 90), ngay_cap_nhat: vietnamDate(message.createdAt) },
  };
}

export function createZaloDelivery(deps: ZaloDeliveryDeps): ZaloDelivery {
  const { sync, onEvent, catchUp } = createStoredDelivery({
    channel: 'zalo',
    store: deps.store,
    contacts: deps.contacts,
    outbox: deps.outbox,
    linksBeforeFirstTurn: true,
    kick: deps.kick,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    async itemsFor(conversationId, contact, messages) {
      const items: NewOutboxItem[] = [];
      let offered: QuickReply[] | null = null;
      for (const message of messages) {
        if (message.author === 'citizen') continue;
        const wires = deps.channel.render({ conversationId, from: message.author, reply: replyOf(message), messageId: message.id, rateable: offersFeedback(message) });
        const fallback = statusTemplate(message, deps.statusTemplateId);
        wires.forEach((wire, part) => {
          items.push({ channel: 'zalo', conversationId, recipient: contact.userId, messageId: message.id, part, body: wire.message, ...(part === 0 && fallback ? { fallback } : {}) });
        });
        // What a button press will mean: the choices of the latest message (none: a press of an older button is just text).
        // A rating's acknowledgement offers nothing and leaves the answer's choices in force.
        if (message.intent !== FEEDBACK_INTENT) offered = wires.at(-1)?.choices ?? [];
      }
      if (offered) await deps.contacts.setOffered(conversationId, offered);
      return items;
    },
  });
  return { sync, onEvent, catchUp };
}
