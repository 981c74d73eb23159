/**
 * What /health says: 200 once the assistant (catalog and retrieval index) is loaded, 503 with
 * "starting" while it loads and "failed" with the reason when loading failed. With Redis
 * configured it also reports `redis: "ok" | "down"`; Redis down is `status: "degraded"` and still
 * 200 — turns, replies and event streams keep working from the database on this instance, so a
 * load balancer should keep sending traffic (alert on "degraded" instead).
 */
import type { TurnDeps } from '../../bot/deps.ts';
import type { EventHub } from '../../bot/events/event-hub.ts';
import type { Readiness } from '../../bot/readiness.ts';

export function healthReport(assistant: Readiness<TurnDeps>, events?: Pick<EventHub, 'status'>): { ready: boolean; body: Record<string, unknown> } {
  const loaded = assistant.current();
  const failure = assistant.failure();
  const ready = Boolean(loaded) && !failure;
  const redis = events?.status?.();
  return {
    ready,
    body: {
      status: ready ? (redis === 'down' ? 'degraded' : 'ok') : failure ? 'failed' : 'starting',
      catalog: Boolean(loaded),
      index: Boolean(loaded),
      ...(redis ? { redis } : {}),
      ...(loaded ? { procedures: loaded.catalog.all().length } : {}),
      ...(failure ? { error: failure } : {}),
    },
  };
}
