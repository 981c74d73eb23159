/**
 * What the server has finished loading. Routes that need a part answer 503 until it is there;
 * /health is 200 only once every part is ready.
 */
import type { Catalog } from '../../knowledge/catalog-store.ts';
import type { ProcedureRetriever } from '../../indexer/retriever.ts';
import type { TurnRunner } from '../../bot/conversation/conversation-service.ts';
import { HttpError } from './errors.ts';

export interface Services {
  catalog?: Catalog;
  retriever?: ProcedureRetriever;
  /** The bot core, once catalog and retriever are ready. */
  runTurn?: TurnRunner;
  /** A startup failure to report on /health instead of hanging in "starting". */
  startupError?: string;
}

export function requireService<K extends 'catalog' | 'retriever' | 'runTurn'>(
  services: Services,
  key: K,
): NonNullable<Services[K]> {
  const service = services[key];
  if (!service) throw new HttpError('not_ready', `${key} is not ready yet`);
  return service as NonNullable<Services[K]>;
}

export function readinessReport(services: Services): { ready: boolean; parts: Record<string, boolean> } {
  const parts = { catalog: Boolean(services.catalog), index: Boolean(services.retriever) };
  return { ready: !services.startupError && Object.values(parts).every(Boolean), parts };
}
