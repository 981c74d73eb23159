/**
 * Lexical retrieval: BM25F over the procedure fields (bm25-index.ts) with the question analysed
 * like the catalog (terms.ts) and widened with citizen vocabulary (synonyms.ts), then a
 * name-coverage signal — how much of a procedure's *name* the question says — which separates
 * "cấp lại chứng thư" from the many procedures that merely mention a chứng thư.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { AcronymTable } from './acronyms.ts';
import { Bm25Index } from './bm25-index.ts';
import type { PhrasingsOf } from './fields.ts';
import { searchTermsOf } from '../../knowledge/language/search-terms.ts';
import { synonymRewrites } from '../../knowledge/language/citizen-phrases.ts';
import { isQueryFrameWord } from '../../knowledge/language/stop-words.ts';
import { actionQuestion, nameActions, questionAsksFor } from '../../knowledge/language/name-actions.ts';
import { ageLimitOf, agesIn, excludesStatedAge, type AgeLimit } from '../../knowledge/language/age-limits.ts';
import { foldedKey, foldedPhrase } from '../../knowledge/language/normalize.ts';

export interface LexicalTuning {
  pairWeight: number;
  accentedPairWeight: number;
  synonymWeight: number;
  /** Share of the best BM25 score a full name match adds. */
  coverageWeight: number;
  /** Share of the best score for a name whose every syllable the question says. */
  unigramCoverageWeight: number;
  /** Share of the best score for a question whose every pair the name says. */
  queryCoverageWeight: number;
  /** How many BM25 candidates get the coverage signal. */
  rerankDepth: number;
  /** Score multiplier for a name opening with an action the question does not say. */
  unsaidActionFactor: number;
  /** Score multiplier for a name whose age limit excludes the age the question states. */
  excludedAgeFactor: number;
}

export const DEFAULT_LEXICAL_TUNING: LexicalTuning = {
  pairWeight: 1.5,
  accentedPairWeight: 0.3,
  synonymWeight: 0.6,
  coverageWeight: 0.2,
  unigramCoverageWeight: 0.4,
  queryCoverageWeight: 0.4,
  rerankDepth: 100,
  unsaidActionFactor: 0.7,
  excludedAgeFactor: 0.5,
};

/** Shorter aliases ("cccd") are words, not namings, and are left to the BM25 score. */
const MIN_ALIAS_SYLLABLES = 2;

export interface ScoredDoc {
  doc: number;
  score: number;
}

export class LexicalScorer {
  readonly index: Bm25Index;

  constructor(
    procedures: readonly Procedure[],
    readonly tuning: LexicalTuning = { ...DEFAULT_LEXICAL_TUNING },
    /** A prebuilt index of the same procedures (see `LexicalScorer.build`). */
    index?: Bm25Index,
    /** The acronym table learned from the same procedures (a prebuilt index carries it). */
    acronyms?: AcronymTable,
  ) {
    this.index = index ?? new Bm25Index(procedures);
    this.acronyms = acronyms ?? new AcronymTable(procedures);
    this.actions = procedures.map((procedure) => nameActions(procedure.name));
    this.ageLimits = procedures.map((procedure) => ageLimitOf(procedure.name));
    this.aliasPhrases = procedures.map((procedure) =>
      procedure.aliases
        .map(foldedPhrase)
        .filter((alias) => alias.trim().split(' ').length >= MIN_ALIAS_SYLLABLES),
    );
  }

  /**
   * Each citizen alias, folded and space-padded, for spotting one said in full. (Name coverage
   * is computed over the name and all aliases together, so thirty aliases would otherwise leave
   * a question that says one of them exactly with little coverage.)
   */
  private readonly aliasPhrases: string[][];

  /** Builds the index without blocking the event loop for long (server start-up). */
  static async build(procedures: readonly Procedure[], tuning: LexicalTuning = { ...DEFAULT_LEXICAL_TUNING }, phrasingsOf?: PhrasingsOf): Promise<LexicalScorer> {
    return new LexicalScorer(procedures, tuning, await Bm25Index.build(procedures, phrasingsOf ? { phrasingsOf } : {}));
  }

  private readonly actions: string[][];
  private readonly ageLimits: (AgeLimit | null)[];
  readonly acronyms: AcronymTable;

  /** Expansions of the question's unknown words that are initials of catalog phrases. */
  private acronymExpansions(question: string): string[] {
    const out: string[] = [];
    for (const word of question.match(/[\p{L}]+/gu) ?? []) {
      const folded = foldedKey(word);
      if (this.index.documentFrequency(folded) > 0) continue;
      const expansion = this.acronyms.expand(word);
      if (expansion) out.push(expansion);
    }
    return out;
  }

  /** Weighted query terms: the question's own terms plus its synonym expansions. */
  queryTerms(question: string): Map<string, number> {
    const terms = new Map<string, number>();
    const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
    const own = searchTermsOf(question, isQueryFrameWord);
    for (const term of own.unigrams) add(term, 1);
    for (const term of own.pairs) add(term, this.tuning.pairWeight);
    for (const term of own.accentedPairs) add(term, this.tuning.accentedPairWeight);
    for (const expansion of [...synonymRewrites(question), ...this.acronymExpansions(question)]) {
      const extra = searchTermsOf(expansion, isQueryFrameWord);
      for (const term of extra.unigrams) add(term, this.tuning.synonymWeight);
      for (const term of extra.pairs) add(term, this.tuning.synonymWeight * this.tuning.pairWeight);
      for (const term of extra.accentedPairs) add(term, this.tuning.synonymWeight * this.tuning.accentedPairWeight);
    }
    return terms;
  }

  /** Documents best first (all with a positive score, up to `limit`). */
  score(question: string, limit: number): ScoredDoc[] {
    const terms = this.queryTerms(question);
    const scores = new Float64Array(this.index.size);
    this.index.accumulate(terms, scores);
    const top = bestOf(scores, Math.max(limit, this.tuning.rerankDepth));
    if (top.length === 0) return [];
    const questionTerms = this.questionTerms(terms);
    const best = top[0]!.score;
    const asked = actionQuestion(question);
    const ages = agesIn(question);
    for (const hit of top) {
      const coverage = this.coverage(hit.doc, terms, questionTerms);
      // A citizen alias said in full ("đăng ký xe ô tô") names the procedure as fully as its own name.
      const saysAlias = this.aliasPhrases[hit.doc]!.some((alias) => asked.folded.includes(alias));
      const pairs = saysAlias ? 1 : coverage.pairs;
      const unigrams = saysAlias ? 1 : coverage.unigrams;
      hit.score +=
        best *
        (this.tuning.coverageWeight * pairs + this.tuning.unigramCoverageWeight * unigrams + this.tuning.queryCoverageWeight * coverage.query);
      const actions = this.actions[hit.doc]!;
      if (actions.length > 0 && !actions.some((action) => questionAsksFor(asked, action))) hit.score *= this.tuning.unsaidActionFactor;
      if (excludesStatedAge(this.ageLimits[hit.doc]!, ages)) hit.score *= this.tuning.excludedAgeFactor;
    }
    top.sort((a, b) => b.score - a.score);
    return top.slice(0, limit);
  }

  /** Per procedure, the IDF sums of its name's folded pairs and syllables, computed once. */
  private readonly nameTotals = new Map<number, { pairs: number; unigrams: number }>();

  private nameTotal(doc: number): { pairs: number; unigrams: number } {
    let totals = this.nameTotals.get(doc);
    if (!totals) {
      totals = { pairs: 0, unigrams: 0 };
      for (const term of this.index.nameTerms[doc]!) {
        if (term.startsWith('~')) continue;
        if (term.includes(' ')) totals.pairs += this.index.idf(term);
        else totals.unigrams += this.index.idf(term);
      }
      this.nameTotals.set(doc, totals);
    }
    return totals;
  }

  /**
   * The question's terms the index holds (own and expansions; folded, no "~" marker terms) by
   * id with their IDF, split into pairs and syllables, and its own pairs — once per question.
   * (A term no procedure has weighs nothing in any share, so leaving it out changes none.)
   */
  private questionTerms(terms: ReadonlyMap<string, number>): QuestionTerms {
    const out: QuestionTerms = { pairs: [], unigrams: [], own: [] };
    for (const [term, weight] of terms) {
      if (term.startsWith('~')) continue;
      const id = this.index.termId(term);
      if (id === undefined) continue;
      const entry = { id, idf: this.index.idfOf(id) };
      const pair = term.includes(' ');
      (pair ? out.pairs : out.unigrams).push(entry);
      if (pair && weight >= 1) out.own.push(entry);
    }
    return out;
  }

  /**
   * IDF-weighted shares: of the name's pairs the question contains, of the name's syllables the
   * question contains, and of the question's own pairs the name contains.
   */
  coverage(doc: number, terms: ReadonlyMap<string, number>, questionTerms: QuestionTerms = this.questionTerms(terms)): { pairs: number; unigrams: number; query: number } {
    const name = this.index.nameTermIds(doc);
    const totals = this.nameTotal(doc);
    let pairMatched = 0;
    let unigramMatched = 0;
    for (const { id, idf } of questionTerms.pairs) if (name.has(id)) pairMatched += idf;
    for (const { id, idf } of questionTerms.unigrams) if (name.has(id)) unigramMatched += idf;
    let queryTotal = 0;
    let queryMatched = 0;
    for (const { id, idf } of questionTerms.own) {
      queryTotal += idf;
      if (name.has(id)) queryMatched += idf;
    }
    return {
      pairs: totals.pairs === 0 ? 0 : pairMatched / totals.pairs,
      unigrams: totals.unigrams === 0 ? 0 : unigramMatched / totals.unigrams,
      query: queryTotal === 0 ? 0 : queryMatched / queryTotal,
    };
  }
}

interface TermIdf {
  id: number;
  idf: number;
}

interface QuestionTerms {
  pairs: TermIdf[];
  unigrams: TermIdf[];
  /** The question's own pairs (not synonym expansions). */
  own: TermIdf[];
}

/**
 * The `depth` best-scoring documents with a positive score, best first; among equal scores the
 * lower document number first (what a stable sort of all of them would give), without sorting
 * the whole catalog.
 */
function bestOf(scores: Float64Array, depth: number): ScoredDoc[] {
  const best: ScoredDoc[] = [];
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc]!;
    if (score <= 0 || (best.length === depth && score <= best[depth - 1]!.score)) continue;
    // After every hit scoring at least as much (ties keep document order).
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (best[mid]!.score >= score) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, { doc, score });
    if (best.length > depth) best.pop();
  }
  return best;
}
