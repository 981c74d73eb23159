/**
 * RateLimiter conformance: the in-process and the Redis token buckets behave the same — a burst
 * up to the capacity, then refusals with the seconds until the next token, steady refill, one
 * bucket per client and per rule, and no overdraw under concurrency (the Redis one atomically,
 * across instances). Each Redis test uses its own key prefix.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { createMemoryRateLimiter, rateRule, type RateLimiter } from '../../bot/limits/rate-limiter.ts';
import { createRedisRateLimiter } from '../../adapters/redis/redis-rate-limiter.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const factories: Array<{ name: string; create(): Promise<{ limiter: RateLimiter; second: () => Promise<RateLimiter> }> }> = [
  {
    name: 'memory',
    async create() {
      const limiter = createMemoryRateLimiter();
      return { limiter, second: async () => limiter };
    },
  },
  {
    name: 'redis',
    async create() {
      const prefix = `test-${randomUUID()}`;
      return { limiter: await createRedisRateLimiter(REDIS_URL, prefix), second: () => createRedisRateLimiter(REDIS_URL, prefix) };
    },
  },
];

describe.each(factories)('RateLimiter conformance: $name', (factory) => {
  const opened: RateLimiter[] = [];
  const open = async () => {
    const made = await factory.create();
    opened.push(made.limiter);
    return made;
  };
  afterEach(async () => {
    for (const limiter of opened.splice(0)) await limiter.close();
  });

  test('a burst up to the capacity, then refused with the seconds until the next token', async () => {
    const { limiter } = await open();
    const rule = rateRule('chat', 5, 60); // 5 per minute: one token every 12 s
    const now = new Date('2026-11-30T08:00:00Z');
    const decisions = [];
    for (let i = 0; i < 7; i += 1) decisions.push(await limiter.take(rule, 'ip:203.0.113.1', now));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions[4]).toEqual({ allowed: true, remaining: 0 });
    expect(decisions[5]).toEqual({ allowed: false, retryAfterSeconds: 12 });
  });

  test('tokens come back at the steady rate, never above the capacity', async () => {
    const { limiter } = await open();
    const rule = rateRule('login', 2, 10); // one token every 5 s
    const t0 = Date.parse('2026-11-30T08:00:00Z');
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    expect((await limiter.take(rule, 'c', at(0))).allowed).toBe(true);
    expect((await limiter.take(rule, 'c', at(0))).allowed).toBe(true);
    expect(await limiter.take(rule, 'c', at(2))).toEqual({ allowed: false, retryAfterSeconds: 3 });
    expect((await limiter.take(rule, 'c', at(5))).allowed).toBe(true);
    expect((await limiter.take(rule, 'c', at(5))).allowed).toBe(false);
    // A long idle time refills to the capacity, not beyond.
    const later = [];
    for (let i = 0; i < 3; i += 1) later.push((await limiter.take(rule, 'c', at(3600))).allowed);
    expect(later).toEqual([true, true, false]);
  });

  test('one bucket per client and per rule', async () => {
    const { limiter } = await open();
    const chat = rateRule('chat', 1, 60);
    const lookup = rateRule('lookup', 1, 60);
    const now = new Date();
    expect((await limiter.take(chat, 'ip:a', now)).allowed).toBe(true);
    expect((await limiter.take(chat, 'ip:a', now)).allowed).toBe(false);
    expect((await limiter.take(chat, 'ip:b', now)).allowed).toBe(true);
    expect((await limiter.take(lookup, 'ip:a', now)).allowed).toBe(true);
  });

  test('a capacity of 0 means no limit', async () => {
    const { limiter } = await open();
    const off = rateRule('chat', 0, 60);
    for (let i = 0; i < 50; i += 1) expect((await limiter.take(off, 'ip:a')).allowed).toBe(true);
  });

  test('200 concurrent takes, half through a second instance: exactly the capacity is allowed', async () => {
    const { limiter, second } = await open();
    const other = await second();
    if (other !== limiter) opened.push(other);
    const rule = rateRule('conversation', 20, 3600);
    const now = new Date();
    const decisions = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? other : limiter).take(rule, 'ip:burst', now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
  });
});
