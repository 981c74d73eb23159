/**
 * Everything a Bot Framework conversation (`POST /api/messages`) is told — the turn's answer, desk
 * notices, an officer's reply later, a dossier notice — reaches it one way: the conversation's
 * stored messages past the contact's delivery mark (bot/delivery/stored-delivery.ts) are rendered as portal activities, written to
 * the outbox (in order, each part once, whichever instance syncs) and sent by the outbox worker
 * to the conversation's connector: as a reply to the citizen's activity when they answer it
 * (`/v3/conversations/{id}/activities/{replyToId}`), else to the conversation. One path, so
 * nothing is sent twice however turns, officers and instances interleave.
 */
import type { ConversationEvent } from '../../bot/events/event-hub.ts';
import type { ChannelContacts } from '../../bot/delivery/channel-contacts.ts';
import { createStoredDelivery } from '../../bot/delivery/stored-delivery.ts';
import type { NewOutboxItem, OutboxItem, OutboxStore } from '../../bot/delivery/outbox-store.ts';
import type { SendOutcome } from '../../bot/delivery/outbox-worker.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import { storedActivities } from './portal-channel.ts';

export const BOTFRAMEWORK_CHANNEL = 'botframework';

/** Where a Bot Framework conversation is reached: its connector, channel, conversation and our bot's id there. */
export interface ConversationAddress {
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  botId: string;
}

/** Posts one activity to a conversation on its connector; throws with `status` on an HTTP failure. */
export type ConnectorSend = (address: ConversationAddress, activity: Record<string, unknown>) => Promise<void>;

export interface AgentsDelivery {
  /** After a turn: the conversation's address is kept and what it stored is handed to the outbox. */
  remember(conversationId: string, address: ConversationAddress): Promise<void>;
  sync(conversationId: string): Promise<number>;
  /** An EventHub listener (subscribeAll): syncs Bot Framework conversations, ignores the rest. */
  onEvent(event: ConversationEvent): void;
  /** Syncs the conversations a crash left with undelivered messages. */
  catchUp(): Promise<number>;
  /** The outbox worker's sender. */
  send(item: OutboxItem): Promise<SendOutcome>;
}

interface DeliveryLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

export function createAgentsDelivery(deps: {
  store: ConversationStore;
  contacts: ChannelContacts;
  outbox: OutboxStore;
  connector: ConnectorSend;
  kick(): void;
  now?: () => Date;
  log?: DeliveryLogger;
}): AgentsDelivery {
  const delivery = createStoredDelivery({
    channel: BOTFRAMEWORK_CHANNEL,
    store: deps.store,
    contacts: deps.contacts,
    outbox: deps.outbox,
    linksBeforeFirstTurn: false,
    kick: deps.kick,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    async itemsFor(conversationId, contact, messages) {
      const items: NewOutboxItem[] = [];
      // The citizen's activity the following messages answer (its id and sender, kept with the message).
      let answering: { activityId?: string; userId?: string } = {};
      for (const message of messages) {
        if (message.author === 'citizen') {
          answering = ((message.payload ?? {}) as { channelData?: { activityId?: string; userId?: string } }).channelData ?? {};
          continue;
        }
        const reply = answering.activityId ? { replyToId: answering.activityId, ...(answering.userId ? { recipient: { id: answering.userId } } : {}) } : {};
        storedActivities(message, '').forEach(({ id: _id, conversation: _c, channelId: _ch, timestamp: _t, from: _f, ...activity }, part) => {
          items.push({ channel: BOTFRAMEWORK_CHANNEL, conversationId, recipient: contact.userId, messageId: message.id, part, body: { ...activity, ...reply } });
        });
      }
      return items;
    },
  });
  const { sync } = delivery;

  return {
    async remember(conversationId, address) {
      try {
        await deps.contacts.link({
          channel: BOTFRAMEWORK_CHANNEL,
          accountId: address.serviceUrl,
          userId: JSON.stringify({ channelId: address.channelId, conversationId: address.conversationId, botId: address.botId, serviceUrl: address.serviceUrl }),
          conversationId,
        });
      } catch (error) {
        // Already linked under another address (the connector moved): the stored address is used.
        deps.log?.warn({ err: error, conversationId }, 'bot framework address not updated');
      }
      delivery.claim(conversationId);
      await sync(conversationId);
    },
    sync,
    onEvent: delivery.onEvent,
    catchUp: delivery.catchUp,
    async send(item) {
      let address: ConversationAddress;
      try {
        address = JSON.parse(item.recipient) as ConversationAddress;
      } catch {
        return { kind: 'failed', failure: 'rejected', error: 'unreadable conversation address' };
      }
      try {
        await deps.connector(address, { ...(item.body as Record<string, unknown>), type: 'message', channelId: address.channelId });
        return { kind: 'sent', as: 'activity' };
      } catch (error) {
        const status = (error as { status?: unknown; response?: { status?: unknown } }).status ?? (error as { response?: { status?: unknown } }).response?.status;
        const message = error instanceof Error ? error.message.slice(0, 200) : 'send failed';
        // The connector refuses this conversation for good (gone, forbidden, malformed): recorded, not retried.
        if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429) {
          return { kind: 'failed', failure: 'rejected', error: `connector answered ${status}` };
        }
        return { kind: 'retry', error: message };
      }
    },
  };
}
