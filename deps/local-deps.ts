/**
 * The local overlay's wiring: its stores (values, the province's own procedures, the citizens'
 * wordings supervisors attach to procedures), and the step that puts the loaded assistant's catalog
 * under the province's published values — the catalog becomes a LocalizedCatalog and retrieval
 * hits are answered from it, so a publish shows in the next answer without a restart or an index
 * rebuild (the overlay changes facts, not what a procedure is called). Another instance notices a
 * publish within LOCAL_REFRESH_SECONDS. Own procedures and learned phrasings change what is
 * indexed: the lexical index is rebuilt with them (at start-up too) and swapped in.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { TurnDeps } from '../bot/deps.ts';
import type { LoadedAssistant } from './warm-up.ts';
import { createProcedureRetriever } from '../indexer/procedure-retriever.ts';
import { LexicalScorer } from '../indexer/lexical/lexical-scorer.ts';
import { createSqlLocalProcedureStore } from '../adapters/sql/sql-local-procedure-store.ts';
import { NotReadyError } from '../bot/readiness.ts';
import type { ProcedureRetriever } from '../indexer/retriever.ts';
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlOverlayStore } from '../adapters/sql/sql-overlay-store.ts';
import { createSqlLearnedPhrasingStore } from '../adapters/sql/sql-learned-phrasing-store.ts';
import type { LearnedPhrasingStore } from '../knowledge/local/learned-phrasings.ts';
import type { PhrasingsOf } from '../indexer/lexical/fields.ts';
import { withPhrasings } from '../indexer/lexical/phrasings.ts';
import { askedPhrasing, wordingKey } from '../bot/intents/classify.ts';
import { createLocalizedCatalog, type LocalizedCatalog } from '../knowledge/local/localized-catalog.ts';
import type { Procedure } from '../knowledge/schema.ts';
import type { LocalProcedureStore, OverlayStore } from '../knowledge/local/overlay-store.ts';
import { createOverlayService, type OverlayService } from '../knowledge/local/overlay-service.ts';
import { loadBundledCatalog } from '../knowledge/catalog/index.ts';
import { loadCatalog } from '../knowledge/catalog-store.ts';
import { loadBundledNational } from '../knowledge/national/load-bundled-national.ts';
import { createSqlProcedureStore } from '../adapters/sql/sql-procedure-store.ts';

export interface LocalDeps {
  store: OverlayStore;
  procedures: LocalProcedureStore;
  phrasings: LearnedPhrasingStore;
  /** Edits, reverts and previews; throws NotReadyError until the assistant is loaded. */
  overlay: OverlayService;
  /** The loaded assistant with the published overlay applied (called once as it loads). */
  localize(assistant: LoadedAssistant): Promise<TurnDeps>;
  /** Stops the check for other instances' publishes. */
  stop(): void;
}

/** Hits carry the procedure as the catalog has it now (with the local values), from the latest index. */
function localizedRetriever(inner: () => ProcedureRetriever, catalog: LocalizedCatalog): ProcedureRetriever {
  return {
    async search(query, options) {
      return (await inner().search(query, options)).map((hit) => ({ ...hit, procedure: catalog.get(hit.procedure.code) ?? hit.procedure }));
    },
  };
}

/** Lexical only: for an assistant loaded without its own way to re-index (tests that bring their own). */
async function lexicalIndex(procedures: readonly Procedure[], phrasingsOf?: PhrasingsOf): Promise<ProcedureRetriever> {
  return createProcedureRetriever({ procedures, lexical: await LexicalScorer.build(procedures, undefined, phrasingsOf), mode: 'lexical' });
}

export function createLocalDeps(input: { db: Db; config: Config; logger: Logger }): LocalDeps {
  const store = createSqlOverlayStore(input.db);
  const procedures = createSqlLocalProcedureStore(input.db);
  const phrasings = createSqlLearnedPhrasingStore(input.db);
  let catalog: LocalizedCatalog | undefined;
  let timer: NodeJS.Timeout | undefined;
  let index: ProcedureRetriever | undefined;
  let reindex: NonNullable<LoadedAssistant['reindex']> = lexicalIndex;
  // The learned phrasings by their words, for the resolver (a supervisor's wording is answered outright).
  let taught = new Map<string, string[]>();
  const overlay = createOverlayService(
    store,
    () => {
      if (!catalog) throw new NotReadyError('local overlay');
      return catalog;
    },
    input.config.localSourceName,
    {
      store: procedures,
      phrasings: { store: phrasings, wordsOf: askedPhrasing },
      // The province's own procedures or the learned phrasings changed: index the whole list again
      // with the shipped and learned phrasings, then swap (answers go on meanwhile).
      async changed(own, learned) {
        const byWords = new Map<string, string[]>();
        for (const [code, wordings] of learned) {
          for (const words of wordings) {
            const key = wordingKey(words);
            if (key) byWords.set(key, [...(byWords.get(key) ?? []), code]);
          }
        }
        taught = byWords;
        if (!catalog) return;
        const started = Date.now();
        index = await reindex(catalog.all(), withPhrasings(learned));
        const phrasingCount = [...learned.values()].reduce((n, list) => n + list.length, 0);
        input.logger.info({ localProcedures: own.length, learnedPhrasings: phrasingCount, ms: Date.now() - started }, 'retrieval index rebuilt for local procedures and learned phrasings');
      },
    },
  );
  return {
    store,
    procedures,
    phrasings,
    overlay,
    async localize(assistant) {
      const { reindex: assistantReindex, ...turnDeps } = assistant;
      if (assistantReindex) reindex = assistantReindex;
      index = turnDeps.retriever;
      catalog = createLocalizedCatalog(turnDeps.catalog, { source: input.config.localSourceName });
      await overlay.refresh();
      input.logger.info({ entries: catalog.entries().length }, 'local overlay applied');
      const seconds = input.config.localRefreshSeconds;
      if (seconds > 0 && !timer) {
        timer = setInterval(() => {
          overlay.refreshIfChanged().catch((error: unknown) => input.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'local overlay refresh failed'));
        }, seconds * 1000);
        timer.unref();
      }
      const localizedCatalog = catalog;
      return {
        ...turnDeps,
        catalog: localizedCatalog,
        retriever: localizedRetriever(() => index ?? turnDeps.retriever, localizedCatalog),
        wordings: { codesFor: (query) => (taught.size === 0 ? [] : taught.get(wordingKey(query)) ?? []) },
      };
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/**
 * The overlay service over the catalog alone (no retrieval index): for the import and export
 * commands, which check each row against the records the server answers from (CATALOG).
 */
export async function openOverlayService(config: Config, db: Db): Promise<{ overlay: OverlayService; catalog: LocalizedCatalog }> {
  const national = config.catalog === 'full' ? (await loadBundledNational()).procedures : undefined;
  const base = await loadCatalog(createSqlProcedureStore(db), loadBundledCatalog(), national);
  const catalog = createLocalizedCatalog(base, { source: config.localSourceName });
  const overlay = createOverlayService(createSqlOverlayStore(db), () => catalog, config.localSourceName, { store: createSqlLocalProcedureStore(db) });
  await overlay.refresh();
  return { overlay, catalog };
}
