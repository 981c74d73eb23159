/**
 * Retrieval benchmark over the full catalog (the 2,642 national records + bundled):
 * - lexical index build; domain-model training + full dense index build; incremental rebuild
 *   after one procedure changes (all in a fresh temporary DATA_DIR);
 * - search latency p50/p95 over ../shared/eval/faq-dev.jsonl questions, as written and without
 *   diacritics, for the lexical (default) and hybrid retrievers.
 * Needs ../shared/data and ../shared/eval; throws a clear message when they are absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import { createCatalog } from '../../knowledge/catalog-store.ts';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { buildIndex } from '../../indexer/dense/build-index.ts';
import { createDenseSearcher } from '../../indexer/dense/dense-searcher.ts';
import { ensureDomainModel } from '../training/domain-model.ts';
import { TransformersEmbeddings } from '../../indexer/dense/transformers-embeddings.ts';
import { parseFaqJsonl } from '../eval/faq-eval.ts';
import { createProcedureRetriever } from '../../indexer/procedure-retriever.ts';
import { LexicalScorer } from '../../indexer/lexical/lexical-scorer.ts';
import type { ProcedureRetriever } from '../../indexer/retriever.ts';
import { foldDiacritics } from '../../knowledge/language/normalize.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const dataFile = path.join(shared, 'data/dvc-procedures.jsonl.gz');
const faqFile = path.join(shared, 'eval/faq-dev.jsonl');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latencies(retriever: ProcedureRetriever, questions: string[]): Promise<{ p50: number; p95: number }> {
  for (const question of questions.slice(0, 20)) await retriever.search(question, { limit: 10 }); // warm-up
  const times: number[] = [];
  for (const question of questions) {
    const started = process.hrtime.bigint();
    await retriever.search(question, { limit: 10 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function runRetrievalBench(): Promise<Record<string, number>> {
  for (const file of [dataFile, faqFile]) if (!existsSync(file)) throw new Error(`skipped: ${file} is absent`);
  const national = await loadNationalProcedures(dataFile);
  const procedures: readonly Procedure[] = createCatalog([...national.procedures, ...loadBundledCatalog()]).all();
  const faq = parseFaqJsonl(readFileSync(faqFile, 'utf8')).map((q) => q.question);
  const questions = [...faq, ...faq.map((q) => foldDiacritics(q))];
  const results: Record<string, number> = { procedures: procedures.length, questions: questions.length };

  let started = Date.now();
  const lexical = new LexicalScorer(procedures);
  results.lexical_index_ms = Date.now() - started;

  const dir = mkdtempSync(path.join(tmpdir(), 'tro-ly-bench-'));
  try {
    started = Date.now();
    const modelDir = await ensureDomainModel(path.join(dir, 'model'), procedures);
    results.model_training_ms = Date.now() - started;
    const embeddings = await TransformersEmbeddings.load(modelDir);
    const embedStarted = Date.now();
    const built = await buildIndex({ procedures, embeddings, dir: path.join(dir, 'index') });
    results.dense_embedding_ms = Date.now() - embedStarted;
    results.full_index_ms = Date.now() - started;
    results.chunks = built.report.chunks;

    const changed = procedures.map((p, i) => (i === 0 ? { ...p, aliases: [...p.aliases, 'bench change'] } : p));
    started = Date.now();
    const incremental = await buildIndex({ procedures: changed, embeddings, dir: path.join(dir, 'index') });
    results.one_procedure_rebuild_ms = Date.now() - started;
    results.one_procedure_rebuild_embedded = incremental.report.embedded;

    const dense = createDenseSearcher(changed, incremental.index, incremental.manifest, embeddings);
    const lexicalOnly = createProcedureRetriever({ procedures: changed, lexical, mode: 'lexical' });
    const hybrid = createProcedureRetriever({ procedures: changed, lexical, dense, mode: 'hybrid' });
    const lexicalTimes = await latencies(lexicalOnly, questions);
    const hybridTimes = await latencies(hybrid, questions);
    results.search_lexical_p50_ms = Number(lexicalTimes.p50.toFixed(2));
    results.search_lexical_p95_ms = Number(lexicalTimes.p95.toFixed(2));
    results.search_hybrid_p50_ms = Number(hybridTimes.p50.toFixed(2));
    results.search_hybrid_p95_ms = Number(hybridTimes.p95.toFixed(2));
    await embeddings.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
