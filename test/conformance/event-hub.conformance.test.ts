/** EventHub conformance: in-process and Redis-backed hubs behave the same. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryEventHub, type ConversationEvent, type EventHub } from '../../bot/events/event-hub.ts';
import { createRedisEventHub } from '../../adapters/redis/redis-event-hub.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const factories: Array<{ name: string; create(): Promise<EventHub> }> = [
  { name: 'memory', create: async () => createMemoryEventHub() },
  { name: 'redis', create: () => createRedisEventHub(REDIS_URL) },
];

function nextEvent(hub: EventHub, conversationId: string): Promise<ConversationEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event within 3 s')), 3000);
    const off = hub.subscribe(conversationId, (event) => {
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe.each(factories)('EventHub conformance: $name', (factory) => {
  let hub: EventHub;
  beforeAll(async () => {
    hub = await factory.create();
  });
  afterAll(async () => hub?.close());

  test("delivers an event to the conversation's subscribers only", async () => {
    const id = `conv-${Math.random().toString(36).slice(2)}`;
    const other: ConversationEvent[] = [];
    const offOther = hub.subscribe(`${id}-other`, (event) => other.push(event));
    const received = nextEvent(hub, id);
    await settle();
    await hub.publish({ conversationId: id, type: 'message', from: 'officer', text: 'Chào anh/chị', at: new Date().toISOString() });
    expect(await received).toMatchObject({ conversationId: id, from: 'officer', text: 'Chào anh/chị' });
    await settle();
    expect(other).toEqual([]);
    offOther();
  });

  test('an unsubscribed listener hears nothing more', async () => {
    const id = `conv-${Math.random().toString(36).slice(2)}`;
    const heard: ConversationEvent[] = [];
    const off = hub.subscribe(id, (event) => heard.push(event));
    await settle();
    off();
    await hub.publish({ conversationId: id, type: 'message', from: 'bot', text: 'x', at: new Date().toISOString() });
    await settle();
    expect(heard).toEqual([]);
  });

  test('a listener that throws neither fails the publisher nor stops the other listeners', async () => {
    const id = `conv-${Math.random().toString(36).slice(2)}`;
    const offBad = hub.subscribe(id, () => {
      throw new Error('closed stream');
    });
    const received = nextEvent(hub, id);
    await settle();
    await expect(hub.publish({ conversationId: id, type: 'message', from: 'officer', text: 'vẫn tới', at: new Date().toISOString() })).resolves.toBeUndefined();
    expect((await received).text).toBe('vẫn tới');
    offBad();
  });

  test('subscribeAll hears every conversation once, next to a per-conversation listener, until unsubscribed', async () => {
    const id = `conv-${Math.random().toString(36).slice(2)}`;
    const all: ConversationEvent[] = [];
    const one: ConversationEvent[] = [];
    const offAll = hub.subscribeAll((event) => {
      if (event.conversationId.startsWith(id)) all.push(event);
    });
    const offOne = hub.subscribe(id, (event) => one.push(event));
    await settle();
    await hub.publish({ conversationId: id, type: 'message', from: 'officer', text: 'một', at: new Date().toISOString() });
    await hub.publish({ conversationId: `${id}-b`, type: 'status', from: 'system', text: 'hai', at: new Date().toISOString() });
    await settle();
    expect(all.map((event) => event.text)).toEqual(['một', 'hai']);
    expect(one.map((event) => event.text)).toEqual(['một']);
    offAll();
    await settle();
    await hub.publish({ conversationId: id, type: 'message', from: 'bot', text: 'ba', at: new Date().toISOString() });
    await settle();
    expect(all.map((event) => event.text)).toEqual(['một', 'hai']);
    expect(one.map((event) => event.text)).toEqual(['một', 'ba']);
    offOne();
  });

  test('a listener that leaves after close() (a stream ending as the server stops) does no harm', async () => {
    const own = await factory.create();
    const off = own.subscribe('conv-closing', () => undefined);
    const offAll = own.subscribeAll(() => undefined);
    await settle();
    await own.close();
    // An unhandled rejection here would fail the run (and stop a server).
    off();
    offAll();
    own.subscribe('conv-after-close', () => undefined)();
    await settle();
  });
});

describe('Redis event hub across two instances', () => {
  test('an event published on one instance reaches a listener on the other', async () => {
    const instanceA = await createRedisEventHub(REDIS_URL);
    const instanceB = await createRedisEventHub(REDIS_URL);
    try {
      const id = `conv-${Math.random().toString(36).slice(2)}`;
      const received = nextEvent(instanceB, id);
      await settle();
      await instanceA.publish({ conversationId: id, type: 'message', from: 'officer', text: 'Từ máy A', at: new Date().toISOString() });
      expect((await received).text).toBe('Từ máy A');
      const everywhere = new Promise<ConversationEvent>((resolve) => {
        const off = instanceB.subscribeAll((event) => {
          if (event.conversationId !== id) return;
          off();
          resolve(event);
        });
      });
      await settle();
      await instanceA.publish({ conversationId: id, type: 'status', from: 'system', text: 'Trạng thái mới', at: new Date().toISOString() });
      expect((await everywhere).text).toBe('Trạng thái mới');
    } finally {
      await instanceA.close();
      await instanceB.close();
    }
  });
});
