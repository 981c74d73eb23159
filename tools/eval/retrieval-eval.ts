/**
 * npm run eval:retrieval
 * Imports the national records from ../shared/data (in memory, next to the bundled catalog),
 * then scores ../shared/eval/faq-dev.jsonl — top-1, top-3 and MRR of the gold code, as written
 * and without diacritics — for the MiniSearch baseline, lexical, dense and hybrid retrieval,
 * side by side: against the adjudicated labels (`acceptable`) and, next to them, the portal's
 * own. The dense model and index live under DATA_DIR/eval-retrieval (kept between runs; delete
 * it or pass --retrain to learn the model again).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { loadBundledCatalog } from '../../knowledge/catalog/index.ts';
import { createCatalog } from '../../knowledge/catalog-store.ts';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { modelDir, setUpDense } from '../../indexer/dense/dense-setup.ts';
import { ensureDomainModel } from '../training/domain-model.ts';
import { createProcedureRetriever, RETRIEVAL_MODES } from '../../indexer/procedure-retriever.ts';
import { LexicalScorer } from '../../indexer/lexical/lexical-scorer.ts';
import { createMiniSearchBaseline } from './minisearch-baseline.ts';
import { adjudicated, formatScoreTable, groupedRows, parseFaqJsonl, restrictScore, scoreRetriever, type FaqQuestion, type FaqScore } from './faq-eval.ts';
import { auditGoldLabels } from './label-audit.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(shared, 'data/dvc-procedures.jsonl.gz') },
    faq: { type: 'string', default: path.join(shared, 'eval/faq-dev.jsonl') },
    retrain: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
  },
});

for (const file of [values.data!, values.faq!]) {
  if (!existsSync(file)) {
    console.error(`Bỏ qua: không có ${file} (skipped: the shared evaluation data is absent)`);
    process.exit(2);
  }
}

const config = loadConfig();
const national = await loadNationalProcedures(values.data!);
const catalog = createCatalog([...national.procedures, ...loadBundledCatalog()]);
const procedures = catalog.all();
const questions = parseFaqJsonl(readFileSync(values.faq!, 'utf8'));
console.log(`${procedures.length} procedures (${national.procedures.length} national + bundled), ${questions.length} questions`);

let started = Date.now();
const lexical = new LexicalScorer(procedures);
console.log(`lexical index: ${Date.now() - started} ms`);
started = Date.now();
const denseLocations = { dataDir: path.join(config.dataDir, 'eval-retrieval'), embeddingModelDir: config.embeddingModelDir };
if (!config.embeddingModelDir) {
  await ensureDomainModel(modelDir(denseLocations), procedures, { retrain: values.retrain, log: (message) => console.log(message) });
}
const dense = await setUpDense(denseLocations, procedures, { log: (message) => console.log(message) });
console.log(`dense model + index: ${Date.now() - started} ms (${dense.report.embedded} embedded, ${dense.report.unchanged} unchanged) — ${dense.modelId}`);

const retrievers = [
  { name: 'baseline (MiniSearch)', retriever: createMiniSearchBaseline(procedures) },
  ...RETRIEVAL_MODES.map((mode) => ({ name: mode as string, retriever: createProcedureRetriever({ procedures, lexical, dense: dense.searcher, mode }) })),
];
/** One row per retriever, scored on these questions. */
async function scoreAll(scored: readonly FaqQuestion[]): Promise<Array<{ name: string; score: FaqScore }>> {
  const rows: Array<{ name: string; score: FaqScore }> = [];
  for (const { name, retriever } of retrievers) rows.push({ name, score: await scoreRetriever(retriever, scored) });
  return rows;
}

const judged = adjudicated(questions);
if (judged.length > 0) {
  const adjudicatedRows = await scoreAll(judged);
  console.log(
    `\nAdjudicated labels (\`acceptable\`): ${judged.length} answerable questions, ${questions.length - judged.length} that no procedure answers left out; any acceptable code, as the hit's own code:\n${formatScoreTable(adjudicatedRows)}`,
  );
  console.log(`\nAdjudicated labels, counting an acceptable code grouped under a hit as a near-duplicate variant:\n${formatScoreTable(groupedRows(adjudicatedRows))}`);
} else console.log('\n(no adjudicated labels in this file: the portal\'s own labels only)');

const rows = await scoreAll(questions);
console.log(`\nThe portal's own labels (\`related_codes_in_kb\`), all ${questions.length} questions; the gold code must be the hit's own code:\n${formatScoreTable(rows)}`);
console.log(`\nCounting a gold code grouped under a hit as a near-duplicate variant (same procedure, other level/agency):\n${formatScoreTable(groupedRows(rows))}`);
const audit = auditGoldLabels(procedures, questions);
const disagreeing = new Set(audit.disagreements.map((d) => d.index));
console.log(
  `\nLabel check: ${audit.naming} questions spell out a procedure's full name; in ${audit.disagreements.length} of them the gold is another procedure` +
    ` (not a near-duplicate), e.g.:`,
);
for (const d of audit.disagreements.slice(0, 3)) console.log(`  "${d.question.slice(0, 90)}…" names ${d.named.code}, gold ${d.goldCodes.join(', ')}`);
console.log(
  `Scores on the ${questions.length - disagreeing.size} questions left (a reading aid only — the figures above are the measure):\n` +
    formatScoreTable(rows.map(({ name, score }) => ({ name, score: restrictScore(score, (index) => !disagreeing.has(index)) }))),
);
if (values.misses) {
  const lexicalRow = rows.find((row) => row.name === 'lexical')!;
  for (const rank of lexicalRow.score.ranks) if (rank.written !== 1) console.log(`  lexical rank ${rank.written || '>10'}: ${rank.question.slice(0, 140)}`);
}
await dense.embeddings.dispose();
