/**
 * What /health says: 200 once the assistant (catalog and retrieval index) is loaded, 503 with
 * "starting" while it loads and "failed" with the reason when loading failed.
 */
import type { TurnDeps } from '../../bot/deps.ts';
import type { Readiness } from '../../bot/readiness.ts';

export function healthReport(assistant: Readiness<TurnDeps>): { ready: boolean; body: Record<string, unknown> } {
  const loaded = assistant.current();
  const failure = assistant.failure();
  const ready = Boolean(loaded) && !failure;
  return {
    ready,
    body: {
      status: ready ? 'ok' : failure ? 'failed' : 'starting',
      catalog: Boolean(loaded),
      index: Boolean(loaded),
      ...(loaded ? { procedures: loaded.catalog.all().length } : {}),
      ...(failure ? { error: failure } : {}),
    },
  };
}
