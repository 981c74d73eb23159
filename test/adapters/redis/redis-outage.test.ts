/**
 * The Redis adapters when Redis cannot be reached (issue 13, finding 8): they start anyway,
 * report `down`, never reject — the event hub delivers to this instance's listeners, the rate
 * limiter counts in this process (still limiting) — and recover when Redis answers.
 */
import { describe, expect, test } from 'vitest';
import type { ConversationEvent } from '../../../bot/events/event-hub.ts';
import { rateRule } from '../../../bot/limits/rate-limiter.ts';
import { createRedisEventHub } from '../../../adapters/redis/redis-event-hub.ts';
import { createRedisRateLimiter } from '../../../adapters/redis/redis-rate-limiter.ts';
import { freePort } from '../../../tools/bench/free-port.ts';

describe('Redis unreachable', () => {
  test('the event hub starts, says down, and publish reaches local listeners without rejecting', async () => {
    const hub = await createRedisEventHub(`redis://127.0.0.1:${await freePort()}`, 'outage-test');
    try {
      expect(hub.status?.()).toBe('down');
      const heard: ConversationEvent[] = [];
      const all: ConversationEvent[] = [];
      const off = hub.subscribe('c-1', (event) => heard.push(event));
      const offAll = hub.subscribeAll((event) => all.push(event));
      await expect(hub.publish({ conversationId: 'c-1', type: 'message', from: 'officer', text: 'vẫn tới', messageId: 7, at: new Date().toISOString() })).resolves.toBeUndefined();
      expect(heard.map((e) => e.text)).toEqual(['vẫn tới']);
      expect(all.map((e) => e.messageId)).toEqual([7]);
      off();
      offAll();
    } finally {
      await hub.close();
    }
  });

  test('the rate limiter falls back to counting in this process: no error, still a limit', async () => {
    const down: boolean[] = [];
    const limiter = await createRedisRateLimiter(`redis://127.0.0.1:${await freePort()}`, 'outage-test', { onFallback: (isDown) => down.push(isDown) });
    try {
      const rule = rateRule('chat', 3, 60);
      const decisions = [];
      for (let i = 0; i < 4; i += 1) decisions.push((await limiter.take(rule, 'ip:198.51.100.9')).allowed);
      expect(decisions).toEqual([true, true, true, false]);
      expect(down[0]).toBe(true);
    } finally {
      await limiter.close();
    }
  });
});
