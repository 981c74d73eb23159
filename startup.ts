/**
 * Start-up work after the server listens: load the catalog (imported procedures in the database
 * joined with the bundled catalog), build the retriever over it, then wire the bot core. Each
 * part lands in `services` as soon as it is ready, so /health reports progress truthfully.
 */
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Services } from './channels/http/readiness.ts';
import { createTurnRunner } from './bot/turn-runner.ts';
import type { Db } from './knowledge/db/db.ts';
import { loadBundledCatalog } from './knowledge/catalog/index.ts';
import { loadCatalog } from './knowledge/catalog-store.ts';
import { createProcedureRepository } from './knowledge/procedure-repository-sql.ts';
import { createLexicalRetriever } from './indexer/lexical/lexical-retriever-adapter.ts';

export interface WarmUpDeps {
  config: Config;
  db: Db;
  logger: Logger;
  services: Services;
}

export async function warmUp({ db, logger, services }: WarmUpDeps): Promise<void> {
  const started = Date.now();
  const catalog = await loadCatalog(createProcedureRepository(db), loadBundledCatalog());
  services.catalog = catalog;
  logger.info({ procedures: catalog.size, ms: Date.now() - started }, 'catalog loaded');

  const indexStarted = Date.now();
  const retriever = createLexicalRetriever(catalog.all());
  services.retriever = retriever;
  logger.info({ ms: Date.now() - indexStarted }, 'retrieval index ready');

  services.runTurn = createTurnRunner({ retriever, catalog, log: logger });
}
