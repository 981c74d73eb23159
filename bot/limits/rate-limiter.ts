/**
 * Per-client token buckets (issue 13, finding 5): one interface, in-process here and shared
 * through Redis in adapters/redis/redis-rate-limiter.ts, both held to one conformance suite.
 * A bucket holds `capacity` tokens and refills at `perSeconds`/`capacity`; each request takes one.
 */
export interface RateRule {
  /** Names the bucket family (`chat`, `conversation`, `login`, `lookup`): each rule counts on its own. */
  name: string;
  /** Burst size, and how many requests fit in `perSeconds`; 0 = no limit. */
  capacity: number;
  perSeconds: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one token from `clientKey`'s bucket of `rule`, atomically (concurrent takes never overdraw). */
  take(rule: RateRule, clientKey: string, now?: Date): Promise<RateDecision>;
  close(): Promise<void>;
}

/** A rule of `count` requests per `perSeconds` (a burst of `count`, then a steady `count / perSeconds`). */
export function rateRule(name: string, count: number, perSeconds: number): RateRule {
  return { name, capacity: Math.max(0, Math.floor(count)), perSeconds };
}

export const unlimited = (rule: RateRule): boolean => rule.capacity <= 0;

/** The bucket arithmetic both implementations share (the Redis one runs the same steps in Lua). */
export function refill(state: { tokens: number; at: number } | undefined, rule: RateRule, nowMs: number): { tokens: number; at: number } {
  if (!state) return { tokens: rule.capacity, at: nowMs };
  if (nowMs <= state.at) return state;
  const perMs = rule.capacity / (rule.perSeconds * 1000);
  return { tokens: Math.min(rule.capacity, state.tokens + (nowMs - state.at) * perMs), at: nowMs };
}

export function secondsUntilToken(tokens: number, rule: RateRule): number {
  const perMs = rule.capacity / (rule.perSeconds * 1000);
  return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
}

/** Buckets in this process (one instance); idle full buckets are dropped so memory stays bounded. */
export function createMemoryRateLimiter(options: { maxKeys?: number } = {}): RateLimiter {
  const maxKeys = options.maxKeys ?? 50_000;
  const buckets = new Map<string, { tokens: number; at: number; rule: RateRule }>();
  const prune = (nowMs: number) => {
    for (const [key, bucket] of buckets) {
      if (refill(bucket, bucket.rule, nowMs).tokens >= bucket.rule.capacity) buckets.delete(key);
    }
    // Still too many (a flood of distinct clients): forget the oldest tenth, which only ever lets a
    // request through — and leaves room, so the next new clients do not scan again at once.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys * 0.9) break;
      buckets.delete(key);
    }
  };
  return {
    async take(rule, clientKey, now = new Date()) {
      if (unlimited(rule)) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
      const nowMs = now.getTime();
      const key = `${rule.name}:${clientKey}`;
      if (buckets.size >= maxKeys && !buckets.has(key)) prune(nowMs);
      const state = refill(buckets.get(key), rule, nowMs);
      if (state.tokens >= 1) {
        buckets.set(key, { tokens: state.tokens - 1, at: state.at, rule });
        return { allowed: true, remaining: Math.floor(state.tokens - 1) };
      }
      buckets.set(key, { ...state, rule });
      return { allowed: false, retryAfterSeconds: secondsUntilToken(state.tokens, rule) };
    },
    async close() {
      buckets.clear();
    },
  };
}
