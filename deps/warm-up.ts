/**
 * The assistant's knowledge, loaded after the server listens: the catalog (the shipped national
 * records when CATALOG=full, under procedures imported into the database, under the bundled
 * catalog), the retriever over it, the dossier lookup and the optional LLM rewording —
 * everything handleTurn needs (TurnDeps). A corrupted shipped file throws here, naming the file.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { TurnDeps } from '../bot/deps.ts';
import type { ProcedureRetriever } from '../indexer/retriever.ts';
import type { Procedure } from '../knowledge/schema.ts';
import { createLlmRephraser } from '../adapters/llm/llm-rephraser.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { loadBundledCatalog } from '../knowledge/catalog/index.ts';
import { loadCatalog } from '../knowledge/catalog-store.ts';
import { loadBundledNational } from '../knowledge/national/load-bundled-national.ts';
import { createSqlProcedureStore } from '../adapters/sql/sql-procedure-store.ts';
import { createProcedureRetriever } from '../indexer/procedure-retriever.ts';
import { LexicalScorer } from '../indexer/lexical/lexical-scorer.ts';
import { learnedPhrasings, type PhrasingsOf } from '../indexer/lexical/fields.ts';
import { codeFingerprint, loadPrebuiltLexical, PREBUILT_LEXICAL_FILE, savePrebuiltLexical } from '../indexer/lexical/prebuilt-index.ts';
import { NATIONAL_DIR } from '../knowledge/national/national-file.ts';
import { startDossierLookup } from './dossier-deps.ts';

/**
 * Where a server keeps a lexical index it had to build, for its next start: one for the catalog,
 * one for the catalog with the province's own procedures (the overlay's reindex).
 */
export const lexicalCacheFile = (config: Pick<Config, 'dataDir'>, list: 'catalog' | 'with-local' = 'catalog') =>
  path.join(config.dataDir, 'lexical', list === 'catalog' ? PREBUILT_LEXICAL_FILE : `with-local-${PREBUILT_LEXICAL_FILE}`);

/**
 * The lexical index: the prebuilt one shipped beside the national catalog, or the one this server
 * saved under DATA_DIR the last time it had to build one (the province's imported records change
 * what is indexed), when either was built for exactly these procedures with this code; else
 * built here as before, then saved under DATA_DIR in the background.
 */
async function lexicalScorer(procedures: readonly Procedure[], shipped: string | undefined, cache: string | undefined, logger: Logger, phrasingsOf?: PhrasingsOf): Promise<LexicalScorer> {
  let code: string | undefined;
  try {
    code = codeFingerprint();
  } catch (error) {
    logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'prebuilt lexical index not checked (the indexing code cannot be read); building the index');
  }
  for (const file of code ? [shipped, cache] : []) {
    if (!file) continue;
    const started = Date.now();
    const loaded = await loadPrebuiltLexical(file, procedures, { code, ...(phrasingsOf ? { phrasingsOf } : {}) });
    if ('scorer' in loaded) {
      logger.info({ file, ms: Date.now() - started }, 'prebuilt lexical index loaded');
      return loaded.scorer;
    }
    // A saved copy that is missing or out of date is ordinary (first start, records changed since).
    if (file === cache) logger.info({ file, reason: loaded.reason }, 'saved lexical index not used');
    else logger.warn({ file, reason: loaded.reason }, 'prebuilt lexical index not used');
  }
  const scorer = await LexicalScorer.build(procedures, undefined, phrasingsOf);
  if (cache && code) {
    const started = Date.now();
    savePrebuiltLexical(cache, scorer, procedures, phrasingsOf).then(
      (bytes) => logger.info({ file: cache, bytes, ms: Date.now() - started }, 'lexical index saved for the next start'),
      (error: unknown) => logger.warn({ file: cache, err: error instanceof Error ? error.message : String(error) }, 'lexical index not saved'),
    );
  }
  return scorer;
}

/**
 * The loaded assistant, and how to index a changed list of procedures (the province's own ones
 * added) the same way, with the citizens' wordings by code (default the shipped ones; with those
 * supervisors attached: `withPhrasings`).
 */
export interface LoadedAssistant extends TurnDeps {
  reindex?: (procedures: readonly Procedure[], phrasingsOf?: PhrasingsOf) => Promise<ProcedureRetriever>;
}

export async function loadAssistant(config: Config, db: Db, logger: Logger, nationalDir?: string): Promise<LoadedAssistant> {
  const started = Date.now();
  const national = config.catalog === 'full' ? await loadBundledNational(nationalDir ? { dir: nationalDir } : {}) : undefined;
  if (national) logger.info({ national: national.procedures.length, asOf: national.manifest.generatedOn, ms: Date.now() - started }, 'shipped national catalog loaded');
  const catalog = await loadCatalog(createSqlProcedureStore(db), loadBundledCatalog(), national?.procedures);
  logger.info({ catalog: config.catalog, procedures: catalog.size, ms: Date.now() - started }, 'catalog loaded');

  const indexStarted = Date.now();
  const procedures = catalog.all();
  // With CATALOG=full; the curated catalog is small enough to index at every start.
  const lexical = national
    ? await lexicalScorer(procedures, path.join(nationalDir ?? NATIONAL_DIR, PREBUILT_LEXICAL_FILE), lexicalCacheFile(config), logger)
    : await LexicalScorer.build(procedures);
  // The dense index (RETRIEVAL_MODE dense|hybrid) is built or refreshed here when missing or stale
  // (its module, with transformers.js, is loaded only then: lexical start-ups do without it).
  const dense =
    config.retrievalMode === 'lexical'
      ? undefined
      : await (await import('../indexer/dense/dense-setup.ts')).setUpDense(config, procedures, { log: (message) => logger.info(message) });
  if (dense) logger.info({ model: dense.modelId, ...dense.report }, 'dense index ready');
  const retriever = createProcedureRetriever({ procedures, lexical, dense: dense?.searcher, mode: config.retrievalMode });
  logger.info({ mode: config.retrievalMode, ms: Date.now() - indexStarted }, 'retrieval index ready');

  const dossiers = await startDossierLookup(config, db, logger);
  // Optional LLM rewording under a fact guard, only when LLM_BASE_URL is set.
  const rephrase = config.llmBaseUrl && config.llmModel
    ? createLlmRephraser({ baseUrl: config.llmBaseUrl, model: config.llmModel, ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}), timeoutMs: config.llmTimeoutMs, log: logger })
    : undefined;
  if (rephrase) logger.info({ llm: new URL(config.llmBaseUrl!).host, model: config.llmModel }, 'LLM rewording on (fact-guarded)');
  // The province's own procedures and learned phrasings join the lexical index at once; the dense
  // index (built for the loaded catalog) keeps serving the others — in dense-only mode they are
  // not found by search. With CATALOG=full the list is looked up in the shipped index (when it is
  // the same again, e.g. the last learned phrasing removed) and in (when built, saved to)
  // DATA_DIR/lexical too.
  const shippedAgain = (list: readonly Procedure[], phrasingsOf?: PhrasingsOf) =>
    list.length === procedures.length && (!phrasingsOf || phrasingsOf === learnedPhrasings) ? path.join(nationalDir ?? NATIONAL_DIR, PREBUILT_LEXICAL_FILE) : undefined;
  const reindex = async (list: readonly Procedure[], phrasingsOf?: PhrasingsOf) =>
    createProcedureRetriever({
      procedures: list,
      lexical: national
        ? await lexicalScorer(list, shippedAgain(list, phrasingsOf), lexicalCacheFile(config, 'with-local'), logger, phrasingsOf)
        : await LexicalScorer.build(list, undefined, phrasingsOf),
      dense: dense?.searcher,
      mode: config.retrievalMode,
    });
  return { retriever, catalog, log: logger, dossiers, reindex, ...(rephrase ? { rephrase } : {}) };
}
