/**
 * EventHub over Redis pub/sub, for several server instances: an event published on instance A
 * reaches the listeners on instance B, under the deployment's channel prefix (REDIS_PREFIX).
 * Local listeners hear it once (through Redis, like others). During a Redis outage `publish`
 * still resolves and delivers to this instance's listeners, `status()` says `down` (what
 * /health reports), and subscriptions are made again when Redis is back.
 */
import type { ConversationEvent, EventHub, EventListener } from '../../bot/events/event-hub.ts';
import { deliver } from '../../bot/events/event-hub.ts';
import { connected, openRedis } from './redis-connection.ts';

/** Channels are `<prefix>:conversation:<id>`, so deployments sharing one Redis never hear each other. */
export async function createRedisEventHub(url: string, prefix = 'tro-ly'): Promise<EventHub> {
  const CHANNEL_PREFIX = `${prefix}:conversation:`;
  const EVERYTHING = `${CHANNEL_PREFIX}*`;
  const publisher = openRedis(url);
  const subscriber = openRedis(url);
  const listeners = new Map<string, Set<EventListener>>();
  const everything = new Set<EventListener>();
  const ignore = () => undefined;
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
    if (event) deliver(listeners.get(channel.slice(CHANNEL_PREFIX.length)) ?? [], event);
  });
  // A pattern subscription arrives as 'pmessage', apart from 'message': no listener hears an event twice.
  subscriber.on('pmessage', (_pattern: string, _channel: string, raw: string) => {
    const event = parse(raw);
    if (event) deliver(everything, event);
  });
  // After a reconnect: every subscription again (including those refused while Redis was down).
  subscriber.on('ready', () => {
    const channels = [...listeners.keys()].map((id) => CHANNEL_PREFIX + id);
    if (channels.length) subscriber.subscribe(...channels).catch(ignore);
    if (everything.size) subscriber.psubscribe(EVERYTHING).catch(ignore);
  });
  await Promise.all([connected(publisher), connected(subscriber)]);

  const up = () => publisher.status === 'ready' && subscriber.status === 'ready';
  const deliverHere = (event: ConversationEvent) => {
    deliver(listeners.get(event.conversationId) ?? [], event);
    deliver(everything, event);
  };

  return {
    async publish(event) {
      if (!up()) return deliverHere(event);
      try {
        await publisher.publish(CHANNEL_PREFIX + event.conversationId, JSON.stringify(event));
      } catch {
        deliverHere(event);
      }
    },
    status: () => (up() ? 'ok' : 'down'),
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
        if (set.size === 0 && listeners.get(conversationId) === set) {
          listeners.delete(conversationId);
          quietly(() => subscriber.unsubscribe(CHANNEL_PREFIX + conversationId));
        }
      };
    },
    subscribeAll(listener) {
      if (everything.size === 0) quietly(() => subscriber.psubscribe(EVERYTHING));
      everything.add(listener);
      return () => {
        everything.delete(listener);
        if (everything.size === 0) quietly(() => subscriber.punsubscribe(EVERYTHING));
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
