/**
 * Deployments sharing one Redis never hear each other (issue 13, finding 10): the channel prefix
 * is REDIS_PREFIX, else the database name, else "tro-ly".
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConversationEvent, EventHub } from '../../../bot/events/event-hub.ts';
import { createRedisEventHub } from '../../../adapters/redis/redis-event-hub.ts';
import { loadConfig, redisPrefix } from '../../../config.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const event = (conversationId: string, text: string): ConversationEvent => ({ conversationId, type: 'message', from: 'officer', text, at: new Date().toISOString() });

describe('REDIS_PREFIX', () => {
  test('explicit prefix, else the database name, else tro-ly; a bad prefix is a startup error', () => {
    expect(redisPrefix(loadConfig({}, { REDIS_PREFIX: 'so-tu-phap' }))).toBe('so-tu-phap');
    expect(redisPrefix(loadConfig({}, { DATABASE_URL: 'postgres://u:p@db:5432/tro_ly_hanoi' }))).toBe('tro_ly_hanoi');
    expect(redisPrefix(loadConfig({}, {}))).toBe('tro-ly');
    expect(() => loadConfig({}, { REDIS_PREFIX: 'có dấu cách' })).toThrow(/REDIS_PREFIX/);
  });
});

describe('two deployments on one Redis', () => {
  let hanoi: EventHub;
  let hue: EventHub;
  let raw: Redis;
  beforeAll(async () => {
    hanoi = await createRedisEventHub(REDIS_URL, 'ha-noi');
    hue = await createRedisEventHub(REDIS_URL, 'hue');
    raw = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await hanoi?.close();
    await hue?.close();
    raw?.disconnect();
  });

  test('an event under one prefix never reaches the other deployment’s listener', async () => {
    const heard: string[] = [];
    let sentinel!: () => void;
    const sentinelHeard = new Promise<void>((resolve) => (sentinel = resolve));
    hue.subscribe('cuoc-tro-chuyen-1', (e) => {
      heard.push(e.text);
      if (e.text === 'hue') sentinel();
    });
    // The hub subscribes asynchronously; its own published event proves the subscription is live.
    await hue.publish(event('cuoc-tro-chuyen-1', 'san-sang'));
    await new Promise<void>((resolve) => {
      const check = () => (heard.includes('san-sang') ? resolve() : setImmediate(check));
      check();
    });
    await hanoi.publish(event('cuoc-tro-chuyen-1', 'ha-noi'));
    // One connection, in order: had Huế subscribed to Hà Nội's channel, it would hear that first.
    await raw.publish('ha-noi:conversation:cuoc-tro-chuyen-1', JSON.stringify(event('cuoc-tro-chuyen-1', 'ha-noi-2')));
    await raw.publish('hue:conversation:cuoc-tro-chuyen-1', JSON.stringify(event('cuoc-tro-chuyen-1', 'hue')));
    await sentinelHeard;
    expect(heard).toEqual(['san-sang', 'hue']);
  });
});
