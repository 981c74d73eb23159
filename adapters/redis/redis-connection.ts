/**
 * Redis connections that fail fast during an outage: no offline queue (a command while
 * disconnected is refused at once, not held), one retry, a 1-second command timeout, errors
 * reported by status rather than thrown as events; ioredis keeps reconnecting on its own.
 */
import { Redis } from 'ioredis';

export function openRedis(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
  redis.on('error', () => undefined);
  return redis;
}

/** Waits (at most `ms`) for the connection; an unreachable Redis is not a start-up error. */
export async function connected(redis: Redis, ms = 2000): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), ms);
    const onReady = () => done(true);
    function done(ok: boolean) {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    }
    redis.on('ready', onReady);
  });
}
