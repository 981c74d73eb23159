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
  const everything = new Set<EventListener>();
  let closed = false;
  /**
   * A (un)subscribe is fire-and-forget: after close() (a stream ending as the server stops) it is
   * skipped, and a refused one must not become an unhandled rejection that stops the process.
   */
  const quietly = (command: () => Promise<unknown>) => {
    if (!closed) command().catch(() => undefined);
  };

  const parse = (raw: string): ConversationEvent | null => {
    try {
      return JSON.parse(raw) as ConversationEvent;
    } catch {
      return null;
    }
  };
  subscriber.on('message', (channel: string, raw: string) => {
    const event = parse(raw);
    if (!event) return;
    for (const listener of listeners.get(channel.slice(CHANNEL_PREFIX.length)) ?? []) listener(event);
  });
  // A pattern subscription arrives as 'pmessage', apart from 'message': no listener hears an event twice.
  subscriber.on('pmessage', (_pattern: string, _channel: string, raw: string) => {
    const event = parse(raw);
    if (!event) return;
    for (const listener of everything) listener(event);
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
        quietly(() => subscriber.subscribe(CHANNEL_PREFIX + conversationId));
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(conversationId);
          quietly(() => subscriber.unsubscribe(CHANNEL_PREFIX + conversationId));
        }
      };
    },
    subscribeAll(listener) {
      if (everything.size === 0) quietly(() => subscriber.psubscribe(`${CHANNEL_PREFIX}*`));
      everything.add(listener);
      return () => {
        everything.delete(listener);
        if (everything.size === 0) quietly(() => subscriber.punsubscribe(`${CHANNEL_PREFIX}*`));
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      everything.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
