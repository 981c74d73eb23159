/**
 * EventHub over Redis pub/sub, for several server instances: an event published on instance A
 * reaches the listeners on instance B, under the deployment's channel prefix (REDIS_PREFIX). Local listeners hear it once (through Redis, like others).
 */
import { Redis } from 'ioredis';
import type { ConversationEvent, EventHub, EventListener } from '../../bot/events/event-hub.ts';

/** Channels are `<prefix>:conversation:<id>`, so deployments sharing one Redis never hear each other. */
export async function createRedisEventHub(url: string, prefix = 'tro-ly'): Promise<EventHub> {
  const CHANNEL_PREFIX = `${prefix}:conversation:`;
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const listeners = new Map<string, Set<EventListener>>();

  subscriber.on('message', (channel: string, raw: string) => {
    const conversationId = channel.slice(CHANNEL_PREFIX.length);
    let event: ConversationEvent;
    try {
      event = JSON.parse(raw) as ConversationEvent;
    } catch {
      return;
    }
    for (const listener of listeners.get(conversationId) ?? []) listener(event);
  });

  return {
    async publish(event) {
      await publisher.publish(CHANNEL_PREFIX + event.conversationId, JSON.stringify(event));
    },
    subscribe(conversationId, listener) {
      let set = listeners.get(conversationId);
      if (!set) {
        set = new Set();
        listeners.set(conversationId, set);
        void subscriber.subscribe(CHANNEL_PREFIX + conversationId);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(conversationId);
          void subscriber.unsubscribe(CHANNEL_PREFIX + conversationId);
        }
      };
    },
    async close() {
      listeners.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
