/**
 * How a push channel (Zalo, Bot Framework) is told everything its conversations say: the stored
 * messages past the contact's delivery mark are turned into outbox items by the channel, enqueued
 * in order (each part once, whoever syncs), and the mark moves on. A sync runs after a turn, on
 * every EventHub event of one of the channel's conversations (an officer's reply, a status notice —
 * from any instance), and as a sweep for what a crash left behind. One sync at a time per
 * conversation in this process.
 */
import type { ConversationEvent } from '../events/event-hub.ts';
import type { ConversationStore, StoredMessage } from '../conversation/conversation-store.ts';
import type { ChannelContact, ChannelContacts } from './channel-contacts.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { NewOutboxItem, OutboxStore } from './outbox-store.ts';

interface DeliveryLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

export interface StoredDelivery {
  /** Hands the conversation's undelivered messages to the outbox; returns how many parts were enqueued. */
  sync(conversationId: string): Promise<number>;
  /** An EventHub listener (subscribeAll): syncs the channel's conversations, ignores the rest. */
  onEvent(event: ConversationEvent): void;
  /** Syncs the channel's conversations whose messages a crash left undelivered. */
  catchUp(): Promise<number>;
  /** The conversation is the channel's (its contact was just linked). */
  claim(conversationId: string): void;
}

const PAGE = 100;
/** Conversations whose channel is remembered, at most (then the memory starts afresh). */
const REMEMBERED = 50_000;

export function createStoredDelivery(deps: {
  channel: string;
  store: ConversationStore;
  contacts: ChannelContacts;
  outbox: OutboxStore;
  /**
   * Whether a conversation found not to be the channel's may be remembered as such: true when the
   * channel links its contact before the first turn (Zalo); false when it links after (Bot
   * Framework), since the first turn's events come before the link.
   */
  linksBeforeFirstTurn: boolean;
  /** One page of stored messages, in order, as outbox items (the channel may note what they offered). */
  itemsFor(conversationId: string, contact: ChannelContact, messages: readonly StoredMessage[]): Promise<NewOutboxItem[]>;
  /** Called when something was enqueued (wakes the outbox worker). */
  kick(): void;
  now?: () => Date;
  log?: DeliveryLogger;
}): StoredDelivery {
  const now = deps.now ?? (() => new Date());
  /** Conversation id → whether it is the channel's (conversation ids are never reused). */
  const known = new Map<string, boolean>();

  const remember = (conversationId: string, ours: boolean) => {
    if (known.size >= REMEMBERED) known.clear();
    known.set(conversationId, ours);
  };

  async function syncNow(conversationId: string): Promise<number> {
    const contact = await deps.contacts.byConversation(conversationId);
    if (!contact || contact.channel !== deps.channel) return 0;
    let after = contact.deliveredThrough;
    let enqueued = 0;
    for (;;) {
      const messages = await deps.store.messages(conversationId, { afterId: after, limit: PAGE });
      if (messages.length === 0) break;
      after = messages.at(-1)!.id;
      enqueued += await deps.outbox.enqueue(await deps.itemsFor(conversationId, contact, messages), now());
      await deps.contacts.advance(conversationId, after);
      if (messages.length < PAGE) break;
    }
    if (enqueued > 0) deps.kick();
    return enqueued;
  }

  const sync = oneAtATime(syncNow, 0);

  async function isOurs(conversationId: string): Promise<boolean> {
    const cached = known.get(conversationId);
    if (cached !== undefined) return cached;
    const ours = (await deps.contacts.byConversation(conversationId))?.channel === deps.channel;
    if (ours || deps.linksBeforeFirstTurn) remember(conversationId, ours);
    return ours;
  }

  return {
    sync,
    onEvent(event) {
      // The citizen's own words need no delivery; the desk's channel is no conversation.
      if (event.from === 'citizen' || event.conversationId.startsWith('__')) return;
      void isOurs(event.conversationId)
        .then((ours) => (ours ? sync(event.conversationId) : 0))
        .catch((error: unknown) => deps.log?.warn({ err: error, conversationId: event.conversationId }, `${deps.channel} delivery sync failed`));
    },
    async catchUp() {
      let total = 0;
      for (const conversationId of await deps.contacts.behind(deps.channel, PAGE)) total += await sync(conversationId);
      return total;
    },
    claim(conversationId) {
      remember(conversationId, true);
    },
  };
}
