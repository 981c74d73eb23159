/**
 * Start-up work after the server listens: load the catalog (the shipped national records when
 * CATALOG=full, under procedures imported into the database, under the bundled catalog), build the
 * retriever over it, then wire the bot core. Each part lands in `services` as soon as it is ready,
 * so /health reports progress truthfully.
 */
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Services } from './channels/http/readiness.ts';
import { createTurnRunner } from './bot/turn-runner.ts';
import { createLlmRephraser } from './bot/rephrase/llm-rephraser.ts';
import type { Db } from './knowledge/db/db.ts';
import { loadBundledCatalog } from './knowledge/catalog/index.ts';
import { loadCatalog } from './knowledge/catalog-store.ts';
import { loadBundledNational } from './knowledge/national/load-bundled-national.ts';
import { createProcedureRepository } from './knowledge/procedure-repository-sql.ts';
import { createHybridRetriever } from './indexer/hybrid-retriever.ts';
import { LexicalScorer } from './indexer/lexical/lexical-retriever.ts';
import { setUpDense } from './indexer/dense-setup.ts';
import { startDossierDesk } from './channels/dossiers/dossier-setup.ts';

export interface WarmUpDeps {
  config: Config;
  db: Db;
  logger: Logger;
  services: Services;
  /** Folder of the shipped national catalog (CATALOG=full); default knowledge/national/. */
  nationalDir?: string;
}

export async function warmUp({ config, db, logger, services, nationalDir }: WarmUpDeps): Promise<void> {
  const started = Date.now();
  // A corrupted or edited shipped file throws here, naming the file; main.ts reports it on /health.
  const national = config.catalog === 'full' ? await loadBundledNational(nationalDir ? { dir: nationalDir } : {}) : undefined;
  if (national) logger.info({ national: national.procedures.length, asOf: national.manifest.generatedOn, ms: Date.now() - started }, 'shipped national catalog loaded');
  const catalog = await loadCatalog(createProcedureRepository(db), loadBundledCatalog(), national?.procedures);
  services.catalog = catalog;
  logger.info({ catalog: config.catalog, procedures: catalog.size, ms: Date.now() - started }, 'catalog loaded');

  const indexStarted = Date.now();
  const procedures = catalog.all();
  const lexical = await LexicalScorer.build(procedures);
  // The dense index (RETRIEVAL_MODE dense|hybrid) is built or refreshed here when missing or stale.
  const dense =
    config.retrievalMode === 'lexical'
      ? undefined
      : await setUpDense(config, procedures, { log: (message) => logger.info(message) });
  if (dense) logger.info({ model: dense.modelId, ...dense.report }, 'dense index ready');
  const retriever = createHybridRetriever({ procedures, lexical, dense: dense?.searcher, mode: config.retrievalMode });
  services.retriever = retriever;
  logger.info({ mode: config.retrievalMode, ms: Date.now() - indexStarted }, 'retrieval index ready');

  const dossiers = await startDossierDesk(config, db, logger);
  // Optional LLM rewording under a fact guard, only when LLM_BASE_URL is set.
  const rephrase = config.llmBaseUrl && config.llmModel
    ? createLlmRephraser({ baseUrl: config.llmBaseUrl, model: config.llmModel, ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}), timeoutMs: config.llmTimeoutMs, log: logger })
    : undefined;
  if (rephrase) logger.info({ llm: new URL(config.llmBaseUrl!).host, model: config.llmModel }, 'LLM rewording on (fact-guarded)');
  services.runTurn = createTurnRunner({ retriever, catalog, log: logger, dossiers, ...(rephrase ? { rephrase } : {}) });
}
