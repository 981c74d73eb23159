/**
 * `npm run train:decision [-- --train citizen-questions.jsonl] [--negatives out-of-catalog.jsonl] [--folds 5] [--max-wrong 0.03] [--form listwise|pointwise] [--dump held-out.jsonl] [--dry-run]`:
 * learns the resolver's decision model (bot/resolve/decision-model.json; listwise by default: a
 * question's hits and "none of them" in one softmax) from citizen-style
 * questions. Every question (as written and without diacritics) goes through the bot's own
 * understanding and retrieval (classify → retrieveCandidates over the full catalog); each hit is
 * labelled by whether its code (or a near-duplicate) is acceptable. Questions about things the
 * catalog does not hold (tools/training/data/out-of-catalog.jsonl) teach "not found".
 *
 * Two kinds of held-out folds: by procedure (never seen in training) and by wording (seen, these
 * questions not; the index learns phrasings from the other folds only). The weights are learned
 * from the training questions alone; the thresholds are chosen on the held-out predictions and on
 * ../shared/eval/faq-dev.jsonl (real portal questions, as the issue asks: "learn the thresholds
 * from the dev set"): the most right and direct answers with at most --max-wrong committed to a
 * wrong procedure on the training folds; the first turns of ../shared/eval/dev.jsonl that name a
 * procedure weigh for being answered directly, and on faq-dev a wrong answer weighs as three
 * right ones. Prints the per-fold figures and the
 * risk–coverage table, then writes the model fitted on everything (unless --dry-run), and the
 * prebuilt lexical index again (`npm run catalog:index`), which indexes the phrasings.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askedPhrasing, asksHandoff, classify, resolveInputOf } from '../../bot/intents/classify.ts';
import { FEATURE_NAMES } from '../../bot/resolve/candidate-features.ts';
import { decide, namedOutrightLeads, probabilities, type DecisionModel } from '../../bot/resolve/decision-model.ts';
import { RESOLVER_TUNING, retrieveCandidates } from '../../bot/resolve/procedure-resolver.ts';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { foldDiacritics } from '../../knowledge/language/normalize.ts';
import { startLocalServer } from '../../deps/local-server.ts';
import { Bm25Index } from '../../indexer/lexical/bm25-index.ts';
import { LexicalScorer } from '../../indexer/lexical/lexical-scorer.ts';
import { createProcedureRetriever } from '../../indexer/procedure-retriever.ts';
import type { ProcedureRetriever } from '../../indexer/retriever.ts';
import { createCatalog } from '../../knowledge/catalog-store.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { fitListwise, fitLogistic, type LogisticFit } from './logistic.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: path.join(shared, 'train/citizen-questions.jsonl') },
    negatives: { type: 'string', default: path.join(import.meta.dirname, 'data/out-of-catalog.jsonl') },
    /** The dev set the thresholds are also chosen on (never the weights): real portal questions. */
    faq: { type: 'string', default: path.join(shared, 'eval/faq-dev.jsonl') },
    /** The dev dialogs: their first turns that name a procedure must be answered directly. */
    dev: { type: 'string', default: path.join(shared, 'eval/dev.jsonl') },
    national: { type: 'string', default: path.join(shared, 'data/dvc-procedures.jsonl.gz') },
    folds: { type: 'string', default: '5' },
    'max-wrong': { type: 'string', default: '0.03' },
    l2: { type: 'string', default: '1' },
    /** listwise: a question's hits and "none" compete in one softmax; pointwise: each hit alone. */
    form: { type: 'string', default: 'listwise' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, '../../bot/resolve/decision-model.json') },
    phrasings: { type: 'string', default: path.resolve(import.meta.dirname, '../../knowledge/language/vocabulary/asked-phrasings.json') },
    'dry-run': { type: 'boolean', default: false },
    /** Write each question's held-out (by wording) hits, labels, probabilities and features here, one JSON per line. */
    dump: { type: 'string' },
  },
});
for (const file of [values.train!, values.negatives!, values.national!]) {
  if (!existsSync(file)) {
    console.error(`Không tìm thấy tệp: ${file} (train:decision needs ../shared/train and ../shared/data)`);
    process.exit(2);
  }
}
const folds = Number(values.folds);
const form = values.form === 'pointwise' ? 'pointwise' : 'listwise';
const maxWrong = Number(values['max-wrong']);

interface Question {
  text: string;
  /** Acceptable codes; empty for a question the catalog cannot answer. */
  codes: string[];
  group: string;
}

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const questions: Question[] = [
  ...readJsonl(values.train!).map((q) => ({
    text: String(q.text),
    codes: (q.codes as string[]) ?? [],
    group: [...((q.codes as string[]) ?? [])].sort().join('+'),
  })),
  ...readJsonl(values.negatives!).map((q, i) => ({ text: String(q.text), codes: [], group: `none-${i}` })),
];

interface Example {
  question: Question;
  /** Fold by procedure (the procedure never seen) and by question (the procedure seen, these words not). */
  fold: { procedure: number; wording: number };
  /** Per protocol: the features and labels of the hits retrieved with that fold's phrasings. */
  hits: Record<Protocol, { features: number[][]; labels: number[] }>;
  /** The codes and names of the hits held out by wording, for --dump. */
  found?: string[];
  /**
   * Held out by wording, over the curated catalog alone (CATALOG=curated): questions about a
   * curated procedure, and the questions about nothing. Learned from too, so the model holds
   * on a small catalog; reported apart.
   */
  curated: { features: number[][]; labels: number[] } | null;
  /** A faq-dev question over the full catalog with every learned phrasing (thresholds only). */
  faq?: { features: number[][]; labels: number[] };
  /** A dev.jsonl first turn naming a procedure, over the full catalog (thresholds only). */
  dev?: { features: number[][]; labels: number[] };
}
const PROTOCOLS = ['procedure', 'wording'] as const;
type Protocol = (typeof PROTOCOLS)[number];

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}


const started = Date.now();
const national = (await loadNationalProcedures(values.national!)).procedures;
const running = await startLocalServer({ imported: national, config: { catalog: 'curated' } });
const deps = running.deps.assistant.require();
const procedures = deps.catalog.all();
await running.close();

/** The learned phrasings of the given questions, per acceptable code. */
function phrasingsFrom(learned: Question[]): Record<string, string[]> {
  const byCode: Record<string, string[]> = {};
  for (const q of learned) {
    const phrasing = askedPhrasing(q.text);
    if (!phrasing) continue;
    for (const code of q.codes) (byCode[code] ??= []).includes(phrasing) || byCode[code]!.push(phrasing);
  }
  return byCode;
}

function retrieverWith(byCode: Record<string, string[]>, over: readonly Procedure[] = procedures): ProcedureRetriever {
  const index = new Bm25Index(over, { phrasingsOf: (code) => byCode[code] ?? [] });
  return createProcedureRetriever({ procedures: over, lexical: new LexicalScorer(over, undefined, index), mode: 'lexical' });
}
const curatedProcedures = procedures.filter((p) => p.origin === 'bundled');
const curatedCatalog = createCatalog(curatedProcedures);
const curatedCodes = new Set(curatedProcedures.map((p) => p.code));

const examples: Example[] = questions.flatMap((question) =>
  [...new Set([question.text, foldDiacritics(question.text)])].map((text) => ({
    question: { ...question, text },
    fold: { procedure: hash(question.group) % folds, wording: hash(question.text) % folds },
    hits: { procedure: { features: [], labels: [] }, wording: { features: [], labels: [] } },
    curated: null,
  })),
);
const positives = questions.filter((q) => q.codes.length > 0);
for (const protocol of PROTOCOLS) {
  for (let f = 0; f < folds; f++) {
    // The index learns only from questions outside the fold.
    const learnedFrom = positives.filter((q) => (protocol === 'procedure' ? hash(q.group) : hash(q.text)) % folds !== f);
    const retriever = retrieverWith(phrasingsFrom(learnedFrom));
    for (const e of examples.filter((x) => x.fold[protocol] === f)) {
      const words = classify(e.question.text);
      if (asksHandoff(words) || words.topicCore.length === 0) continue;
      const { hits, features } = await retrieveCandidates(
        resolveInputOf(words),
        { retriever, catalog: deps.catalog },
      );
      const labels = hits.map((h) => (e.question.codes.includes(h.procedure.code) || h.variants.some((v) => e.question.codes.includes(v)) ? 1 : 0));
      if (protocol === 'wording') e.found = hits.map((h) => `${h.procedure.code} ${h.procedure.name.slice(0, 80)}`);
      e.hits[protocol] = { features, labels };
    }
    if (protocol !== 'wording') continue;
    const curatedRetriever = retrieverWith(phrasingsFrom(learnedFrom), curatedProcedures);
    for (const e of examples.filter((x) => x.fold.wording === f)) {
      const codes = e.question.codes;
      if (codes.length > 0 && !codes.some((code) => curatedCodes.has(code))) continue;
      const words = classify(e.question.text);
      if (asksHandoff(words) || words.topicCore.length === 0) continue;
      const { hits, features } = await retrieveCandidates(
        resolveInputOf(words),
        { retriever: curatedRetriever, catalog: curatedCatalog },
      );
      e.curated = { features, labels: hits.map((h) => (codes.includes(h.procedure.code) ? 1 : 0)) };
    }
  }
}
console.log(
  `${examples.length} questions (${questions.length} written, each also without diacritics) through retrieval in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
const answerable = examples.filter((e) => e.question.codes.length > 0);
for (const protocol of PROTOCOLS) {
  const inTop = (k: number) => answerable.filter((e) => e.hits[protocol].labels.slice(0, k).includes(1)).length / answerable.length;
  console.log(
    `retrieval, held out by ${protocol}: acceptable first ${pct(inTop(1))}, in the first 4 ${pct(inTop(4))}, in all ${RESOLVER_TUNING.limit} ${pct(inTop(RESOLVER_TUNING.limit))}`,
  );
}

function fit(train: Example[], protocol: Protocol): LogisticFit & { form: typeof form } {
  const withCurated = (e: Example) => (protocol === 'wording' && e.curated ? [e.hits[protocol], e.curated] : [e.hits[protocol]]);
  if (form === 'listwise') return { ...fitListwise(train.flatMap(withCurated), Number(values.l2)), form };
  const rows = train.flatMap((e) => withCurated(e).flatMap((h) => h.features));
  const labels = train.flatMap((e) => withCurated(e).flatMap((h) => h.labels));
  return { ...fitLogistic(rows, labels, Number(values.l2)), form };
}

// Held-out probabilities: each fold predicted by the model fitted on the others.
/** What is scored: held out by procedure, by wording, or by wording over the curated catalog. */
type View = Protocol | 'curated' | 'faq' | 'dev';
const hitsOf = (e: Example, view: View) =>
  view === 'curated' ? e.curated : view === 'faq' ? (e.faq ?? null) : view === 'dev' ? (e.dev ?? null) : e.hits[view];
const heldOut: Record<View, Map<Example, number[]>> = { procedure: new Map(), wording: new Map(), curated: new Map(), faq: new Map(), dev: new Map() };
for (const protocol of PROTOCOLS) {
  for (let f = 0; f < folds; f++) {
    const model = fit(
      examples.filter((e) => e.fold[protocol] !== f),
      protocol,
    );
    for (const e of examples.filter((x) => x.fold[protocol] === f)) {
      heldOut[protocol].set(e, probabilities(model, e.hits[protocol].features));
      if (protocol === 'wording' && e.curated) heldOut.curated.set(e, probabilities(model, e.curated.features));
    }
  }
}

// The model shipped: fitted on every training question (features held out by wording).
const final = fit(examples, 'wording');

// faq-dev (real portal questions) through the shipped index and model: the thresholds must hold
// there too. The weights never see it.
const faqExamples: Example[] = [];
if (existsSync(values.faq!)) {
  const retriever = retrieverWith(phrasingsFrom(positives));
  for (const row of readJsonl(values.faq!)) {
    const acceptable = ((row.acceptable as string[]) ?? []).map(String);
    if (acceptable.length === 0) continue;
    for (const text of new Set([String(row.question), foldDiacritics(String(row.question))])) {
      const e: Example = {
        question: { text, codes: acceptable, group: 'faq' },
        fold: { procedure: -1, wording: -1 },
        hits: { procedure: { features: [], labels: [] }, wording: { features: [], labels: [] } },
        curated: null,
        faq: { features: [], labels: [] },
      };
      const words = classify(text);
      if (!asksHandoff(words) && words.topicCore.length > 0) {
        const { hits, features } = await retrieveCandidates(
          resolveInputOf(words),
          { retriever, catalog: deps.catalog },
        );
        e.faq = { features, labels: hits.map((h) => (acceptable.includes(h.procedure.code) ? 1 : 0)) };
      }
      heldOut.faq.set(e, probabilities(final, e.faq!.features));
      faqExamples.push(e);
    }
  }
  console.log(`faq-dev: ${faqExamples.length} questions (as written and without diacritics) for the thresholds`);
} else console.error(`(no ${values.faq}: thresholds chosen on the training folds alone)`);

// dev.jsonl: the first turn of each dialog that names a procedure ("procedure": name words)
// must be answered directly with a procedure of that name, on the full catalog.
const devExamples: Example[] = [];
if (existsSync(values.dev!)) {
  const retriever = retrieverWith(phrasingsFrom(positives));
  for (const dialog of readJsonl(values.dev!)) {
    const first = (dialog.turns as Array<{ text: string; procedure?: string[] }>)[0];
    if (!first?.procedure?.length) continue;
    const names = first.procedure.map((n) => foldDiacritics(n).toLowerCase());
    const words = classify(first.text);
    if (asksHandoff(words) || words.topicCore.length === 0) continue;
    const { hits, features } = await retrieveCandidates(
      resolveInputOf(words),
      { retriever, catalog: deps.catalog },
    );
    const labels = hits.map((h) => (names.some((n) => foldDiacritics(h.procedure.name).toLowerCase().includes(n)) ? 1 : 0));
    const e: Example = {
      question: { text: first.text, codes: ['named'], group: 'dev' },
      fold: { procedure: -1, wording: -1 },
      hits: { procedure: { features: [], labels: [] }, wording: { features: [], labels: [] } },
      curated: null,
      dev: { features, labels },
    };
    heldOut.dev.set(e, probabilities(final, features));
    devExamples.push(e);
  }
  console.log(`dev.jsonl: ${devExamples.length} first turns naming a procedure, to be answered directly`);
}

if (values.dump) {
  const lines = examples.map((e) =>
    JSON.stringify({ text: e.question.text, codes: e.question.codes, found: e.found ?? [], labels: e.hits.wording.labels, p: (heldOut.wording.get(e) ?? []).map((p) => +p.toFixed(3)), features: e.hits.wording.features.map((row) => row.map((v) => +v.toFixed(3))) }),
  );
  writeFileSync(values.dump, `${lines.join('\n')}\n`);
}

type Outcome = 'direct' | 'listed' | 'wrong' | 'unhelpful' | 'declined';
function outcome(e: Example, view: View, thresholds: DecisionModel['thresholds']): Outcome {
  const hits = hitsOf(e, view)!;
  const decision = decide(heldOut[view].get(e)!, namedOutrightLeads(hits.features), thresholds, RESOLVER_TUNING.maxOptions);
  const labels = hits.labels;
  const answerable = e.question.codes.length > 0;
  if (decision.kind === 'commit') return labels[decision.index] ? 'direct' : 'wrong';
  if (decision.kind === 'clarify') return answerable && decision.indices.some((i) => labels[i]) ? 'listed' : 'unhelpful';
  return answerable ? 'unhelpful' : 'declined';
}

interface Rates {
  right: number;
  direct: number;
  wrong: number;
  listed: number;
  declined: number;
  n: number;
}
function rates(all: Example[], thresholds: DecisionModel['thresholds'], view: View = 'wording'): Rates {
  const set = all.filter((e) => hitsOf(e, view) !== null);
  const counts = { direct: 0, listed: 0, wrong: 0, unhelpful: 0, declined: 0 };
  for (const e of set) counts[outcome(e, view, thresholds)]++;
  const n = Math.max(1, set.length);
  return {
    right: (counts.direct + counts.listed + counts.declined) / n,
    direct: counts.direct / n,
    wrong: counts.wrong / n,
    listed: counts.listed / n,
    declined: counts.declined / n,
    n: set.length,
  };
}

// Threshold search on the held-out predictions.
const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => +(from + i * step).toFixed(3));
let best: { thresholds: DecisionModel['thresholds']; r: Rates; value: number } | null = null;
for (const commit of grid(0.4, 0.95, 0.05))
  for (const margin of grid(0, 0.5, 0.1))
    for (const clarify of [0.05, 0.1, 0.2, 0.3])
      for (const option of [0.2, 0.4, 0.6])
        for (const [named, namedLead] of [[0.3, 0.1], [0.3, 0.2], [0.3, 0.3], [0.4, 0.2], [0.5, 0.1], [0.5, 0.2], [0.6, 0.2], [2, 1]] as const) {
          if (clarify > commit) continue;
          const thresholds = { commit, margin, clarify, option, named, namedLead };
          const r = rates(examples, thresholds);
          if (r.wrong > maxWrong) continue;
          const small = rates(examples, thresholds, 'curated');
          if (small.wrong > maxWrong) continue;
          const dev = devExamples.length ? rates(devExamples, thresholds, 'dev') : null;
          // On faq-dev a wrong answer costs three right ones: the worst outcome for a citizen.
          const faq = faqExamples.length ? rates(faqExamples, thresholds, 'faq') : null;
          const value =
            r.right + r.direct + 0.5 * (small.right + small.direct) + (faq ? faq.right + faq.direct - 3 * faq.wrong : 0) + (dev ? 3 * dev.direct : 0);
          if (!best || value > best.value) best = { thresholds, r, value };
        }
if (!best) {
  console.error(`no thresholds keep wrong commitments at or below ${pct(maxWrong)}`);
  process.exit(1);
}
const { thresholds } = best;
console.log(`\nthresholds (held-out choice, wrong ≤ ${pct(maxWrong)}): ${JSON.stringify(thresholds)}`);
for (const protocol of PROTOCOLS) {
  console.log(
    `\nheld out by ${protocol === 'procedure' ? 'procedure (procedures never seen in training)' : 'wording (procedures seen, these questions not)'}\nfold  questions  right   direct  listed  wrong   declined`,
  );
  for (let f = 0; f < folds; f++) {
    const r = rates(
      examples.filter((e) => e.fold[protocol] === f),
      thresholds,
      protocol,
    );
    console.log(`${String(f).padEnd(4)}  ${String(r.n).padStart(9)}  ${pct(r.right)}  ${pct(r.direct)}  ${pct(r.listed)}  ${pct(r.wrong)}  ${pct(r.declined)}`);
  }
  const r = rates(examples, thresholds, protocol);
  console.log(`all   ${String(r.n).padStart(9)}  ${pct(r.right)}  ${pct(r.direct)}  ${pct(r.listed)}  ${pct(r.wrong)}  ${pct(r.declined)}`);
}
if (devExamples.length) {
  const r = rates(devExamples, thresholds, 'dev');
  console.log(`dev.jsonl first turns naming a procedure: ${r.n}, answered directly ${pct(r.direct)}, wrong ${pct(r.wrong)}`);
}
if (faqExamples.length) {
  const r = rates(faqExamples, thresholds, 'faq');
  console.log(`faq-dev (thresholds chosen on it too; weights never): ${r.n} questions, right ${pct(r.right)}, direct ${pct(r.direct)}, wrong ${pct(r.wrong)}`);
}
{
  const r = rates(examples, thresholds, 'curated');
  console.log(`\ncurated catalog alone (held out by wording): ${r.n} questions, right ${pct(r.right)}, direct ${pct(r.direct)}, wrong ${pct(r.wrong)}, declined ${pct(r.declined)}`);
}
const all = best.r;
const byProcedure = rates(examples, thresholds, 'procedure');

console.log('\nrisk–coverage (held out by wording; commit threshold varied, the rest as chosen)\ncommit  committed  wrong-of-all  wrong-of-committed  right');
for (const commit of grid(0.3, 0.95, 0.05)) {
  const r = rates(examples, { ...thresholds, commit, clarify: Math.min(thresholds.clarify, commit) });
  const committed = r.direct + r.wrong;
  console.log(`${commit.toFixed(2)}    ${pct(committed)}     ${pct(r.wrong)}        ${pct(committed ? r.wrong / committed : 0)}            ${pct(r.right)}`);
}

console.log('\nnamed-outright path (held out by wording; the rest as chosen)\nnamed     right   direct  wrong');
for (const named of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 2]) {
  const r = rates(examples, { ...thresholds, named });
  console.log(`${named.toFixed(2).padEnd(8)}  ${pct(r.right)}  ${pct(r.direct)}  ${pct(r.wrong)}`);
}

const model: DecisionModel = {
  features: [...FEATURE_NAMES],
  mean: final.mean.map(round),
  scale: final.scale.map(round),
  weights: final.weights.map(round),
  bias: round(final.bias),
  form,
  thresholds,
  trainedOn: `${path.basename(values.train!)} (${questions.length - readJsonl(values.negatives!).length} questions) + ${path.basename(values.negatives!)} (${readJsonl(values.negatives!).length}), each as written and without diacritics; thresholds also on faq-dev.jsonl; ${folds} folds held out by wording: right ${pct(all.right).trim()}, direct ${pct(all.direct).trim()}, wrong ${pct(all.wrong).trim()}; by procedure: right ${pct(byProcedure.right).trim()}, direct ${pct(byProcedure.direct).trim()}, wrong ${pct(byProcedure.wrong).trim()}`,
};
console.log('\nweights:', Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(final.weights[i]!)])));
if (!values['dry-run']) {
  writeFileSync(values.out!, `${JSON.stringify(model, null, 2)}\n`);
  const phrasings = {
    $comment:
      'Generated by npm run train:decision from ../shared/train/citizen-questions.jsonl: the topic words of each question, folded, per acceptable procedure code. Do not edit by hand; add training questions and re-run.',
    byCode: phrasingsFrom(positives),
  };
  writeFileSync(values.phrasings!, `${JSON.stringify(phrasings, null, 1)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), values.out!)} and ${path.relative(process.cwd(), values.phrasings!)}`);
  // The shipped prebuilt lexical index holds these phrasings (the asked field): rebuilt in a new
  // process, since this one read the old file when it started.
  execFileSync(process.execPath, [...process.execArgv, path.resolve(import.meta.dirname, '../catalog/build-lexical-index.ts')], { stdio: 'inherit' });
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`.padStart(6);
}
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
