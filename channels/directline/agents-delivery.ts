/**
 * Everything a Bot Framework conversation (`POST /api/messages`) is told — the turn's answer, desk
 * notices, an officer's reply later, a dossier notice — reaches it one way: the conversation's
 * stored messages past the contact's delivery mark are rendered as portal activities, written to
 * the outbox (in order, each part once, whichever instance syncs) and sent by the outbox worker
 * to the conversation's connector: as a reply to the citizen's activity when they answer it
 * (`/v3/conversations/{id}/activities/{replyToId}`), else to the conversation. One path, so
 * nothing is sent twice however turns, officers and instances interleave.
 */
import type { ConversationEvent } from '../../bot/events/event-hub.ts';
import type { ChannelContacts } from '../../bot/delivery/channel-contacts.ts';
import { oneAtATime } from '../../bot/delivery/one-at-a-time.ts';
import type { NewOutboxItem, OutboxItem, OutboxStore } from '../../bot/delivery/outbox-store.ts';
import type { SendOutcome } from '../../bot/delivery/outbox-worker.ts';
import type { ConversationStore } from '../../bot/conversation/conversation-store.ts';
import { storedActivities } from './portal-channel.ts';

export const BOTFRAMEWORK_CHANNEL = 'botframework';
const PAGE = 100;

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
  const now = deps.now ?? (() => new Date());
  const known = new Map<string, boolean>();

  async function syncNow(conversationId: string): Promise<number> {
    const contact = await deps.contacts.byConversation(conversationId);
    if (!contact || contact.channel !== BOTFRAMEWORK_CHANNEL) return 0;
    let after = contact.deliveredThrough;
    let enqueued = 0;
    for (;;) {
      const messages = await deps.store.messages(conversationId, { afterId: after, limit: PAGE });
      if (messages.length === 0) break;
      const items: NewOutboxItem[] = [];
      // The citizen's activity the following messages answer (its id and sender, kept with the message).
      let answering: { activityId?: string; userId?: string } = {};
      for (const message of messages) {
        after = message.id;
        if (message.author === 'citizen') {
          answering = ((message.payload ?? {}) as { channelData?: { activityId?: string; userId?: string } }).channelData ?? {};
          continue;
        }
        const reply = answering.activityId ? { replyToId: answering.activityId, ...(answering.userId ? { recipient: { id: answering.userId } } : {}) } : {};
        storedActivities(message, '').forEach(({ id: _id, conversation: _c, channelId: _ch, timestamp: _t, from: _f, ...activity }, part) => {
          items.push({ channel: BOTFRAMEWORK_CHANNEL, conversationId, recipient: contact.userId, messageId: message.id, part, body: { ...activity, ...reply } });
        });
      }
      enqueued += await deps.outbox.enqueue(items, now());
      await deps.contacts.advance(conversationId, after);
      if (messages.length < PAGE) break;
    }
    if (enqueued > 0) deps.kick();
    return enqueued;
  }

  const sync = oneAtATime(syncNow, 0);

  async function isBotFramework(conversationId: string): Promise<boolean> {
    const cached = known.get(conversationId);
    if (cached) return true;
    const found = (await deps.contacts.byConversation(conversationId))?.channel === BOTFRAMEWORK_CHANNEL;
    // Only a positive answer is kept: a conversation becomes a Bot Framework one at its first turn.
    if (found) {
      if (known.size > 50_000) known.clear();
      known.set(conversationId, true);
    }
    return found;
  }

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
      known.set(conversationId, true);
      await sync(conversationId);
    },
    sync,
    onEvent(event) {
      if (event.from === 'citizen' || event.conversationId.startsWith('__')) return;
      void isBotFramework(event.conversationId)
        .then((ours) => (ours ? sync(event.conversationId) : 0))
        .catch((error: unknown) => deps.log?.warn({ err: error, conversationId: event.conversationId }, 'bot framework delivery sync failed'));
    },
    async catchUp() {
      let total = 0;
      for (const conversationId of await deps.contacts.behind(BOTFRAMEWORK_CHANNEL, 100)) total += await sync(conversationId);
      return total;
    },
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
