/**
 * RateLimiter over Redis, so every instance counts into the same buckets: one Lua script reads,
 * refills and takes in a single atomic step (the same arithmetic as bot/limits/rate-limiter.ts).
 * Keys are `<prefix>:rate:<rule>:<client>` and expire once a bucket would be full again. While
 * Redis cannot be reached the limiter counts in this process instead (each instance on its own),
 * so an outage neither fails requests nor lifts the limits.
 */
import { connected, openRedis } from './redis-connection.ts';
import { createMemoryRateLimiter, unlimited, type RateLimiter } from '../../bot/limits/rate-limiter.ts';

const TOKEN_BUCKET = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
elseif now > at then
  tokens = math.min(capacity, tokens + (now - at) * per_ms)
  at = now
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return {allowed, tostring(tokens)}
`;

export interface RedisRateLimiterOptions {
  /** Told once when Redis fails and once when it answers again. */
  onFallback?: (down: boolean, error?: unknown) => void;
}

export async function createRedisRateLimiter(url: string, prefix: string, options: RedisRateLimiterOptions = {}): Promise<RateLimiter> {
  // During an outage a request falls back at once instead of waiting for Redis.
  const redis = openRedis(url);
  if (!(await connected(redis))) options.onFallback?.(true);
  const fallback = createMemoryRateLimiter();
  let down = redis.status !== 'ready';
  const setDown = (value: boolean, error?: unknown) => {
    if (down === value) return;
    down = value;
    options.onFallback?.(value, error);
  };
  return {
    async take(rule, clientKey, now = new Date()) {
      if (unlimited(rule)) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
      const perMs = rule.capacity / (rule.perSeconds * 1000);
      try {
        const [allowed, tokensText] = (await redis.eval(TOKEN_BUCKET, 1, `${prefix}:rate:${rule.name}:${clientKey}`, rule.capacity, perMs, now.getTime())) as [number, string];
        setDown(false);
        const tokens = Number(tokensText);
        if (allowed === 1) return { allowed: true, remaining: Math.floor(tokens) };
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      } catch (error) {
        setDown(true, error);
        return fallback.take(rule, clientKey, now);
      }
    },
    async close() {
      redis.disconnect();
      await fallback.close();
    },
  };
}
