/**
 * A fielded BM25 (BM25F) inverted index over procedures. Each field's term frequency is
 * length-normalised and weighted, the weighted sum saturates once (k1), and the term's IDF over
 * procedures scales it — so a word repeated across a long step list cannot outweigh the name.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { FIELD_WEIGHTS, LEXICAL_FIELDS, learnedPhrasings, procedureFields, type LexicalField, type PhrasingsOf } from './fields.ts';
import { indexTerms } from '../../knowledge/language/search-terms.ts';
import { withoutFiller } from '../../knowledge/language/name-filler.ts';

const K1 = 1.2;
/** Fields whose accented pairs are indexed, so an exact accented match outranks a folded one. */
const ACCENTED_FIELDS = new Set<LexicalField>(['name', 'aliases', 'sector', 'result']);
const B: Record<LexicalField, number> = {
  name: 0.3, aliases: 0.3, asked: 0.5, sector: 0.2, agencies: 0.5, subjects: 0.5,
  documents: 0.75, steps: 0.75, conditions: 0.75, result: 0.75, legal: 0.6,
};

/** A term's postings: parallel arrays of (doc, field, count), grouped by doc in doc order. */
interface Postings {
  docs: number[];
  fields: number[];
  counts: number[];
  /** Distinct documents (the arrays hold one entry per doc *and field*). */
  df: number;
  idf?: number;
}

export interface Bm25Options {
  /** Field weights; defaults to FIELD_WEIGHTS. */
  weights?: Partial<Record<LexicalField, number>>;
  /** Citizens' wordings per procedure code (default: the learned ones shipped with the vocabulary). */
  phrasingsOf?: PhrasingsOf;
}

/** Procedures indexed between two turns of the event loop in `Bm25Index.build`. */
const BUILD_SLICE = 100;

export class Bm25Index {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: Float32Array[] = [];
  private readonly totals = new Float64Array(LEXICAL_FIELDS.length);
  private averageLength = new Float32Array(LEXICAL_FIELDS.length);
  private readonly weights: Float32Array;
  /** Folded name terms per procedure, for coverage signals. */
  readonly nameTerms: Set<string>[] = [];
  private readonly phrasingsOf: PhrasingsOf;

  /** Indexes every procedure at once (blocks the event loop; see `build` for servers). */
  constructor(
    readonly procedures: readonly Procedure[],
    options: Bm25Options = {},
    indexNow = true,
  ) {
    this.weights = Float32Array.from(LEXICAL_FIELDS.map((f) => options.weights?.[f] ?? FIELD_WEIGHTS[f]));
    this.phrasingsOf = options.phrasingsOf ?? learnedPhrasings;
    if (indexNow) {
      this.indexRange(0, procedures.length);
      this.finish();
    }
  }

  /** The same index, built in slices that let a server answer (e.g. /health) meanwhile. */
  static async build(procedures: readonly Procedure[], options: Bm25Options = {}): Promise<Bm25Index> {
    const index = new Bm25Index(procedures, options, false);
    for (let start = 0; start < procedures.length; start += BUILD_SLICE) {
      index.indexRange(start, Math.min(procedures.length, start + BUILD_SLICE));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    index.finish();
    return index;
  }

  private indexRange(from: number, to: number): void {
    const fieldCount = LEXICAL_FIELDS.length;
    const counts = new Map<string, number>();
    for (let doc = from; doc < to; doc++) {
      const procedure = this.procedures[doc]!;
      const fields = procedureFields(procedure, this.phrasingsOf);
      const lengths = new Float32Array(fieldCount);
      LEXICAL_FIELDS.forEach((field, f) => {
        const terms = indexTerms(fields[field], ACCENTED_FIELDS.has(field));
        lengths[f] = terms.length;
        this.totals[f] = this.totals[f]! + terms.length;
        counts.clear();
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
        for (const [term, count] of counts) {
          let postings = this.postings.get(term);
          if (!postings) this.postings.set(term, (postings = { docs: [], fields: [], counts: [], df: 0 }));
          if (postings.docs.at(-1) !== doc) postings.df += 1;
          postings.docs.push(doc);
          postings.fields.push(f);
          postings.counts.push(count);
        }
      });
      this.nameTerms.push(new Set(indexTerms(`${withoutFiller(procedure.name)} . ${procedure.aliases.join(' . ')}`)));
      this.lengths.push(lengths);
    }
  }

  private finish(): void {
    this.averageLength = Float32Array.from(this.totals, (total) => Math.max(1, total / Math.max(1, this.procedures.length)));
  }

  get size(): number {
    return this.procedures.length;
  }

  /** Inverse document frequency (BM25's, always positive), cached per term. */
  idf(term: string): number {
    const postings = this.postings.get(term);
    if (!postings) return 0;
    if (postings.idf === undefined) postings.idf = Math.log(1 + (this.size - postings.df + 0.5) / (postings.df + 0.5));
    return postings.idf;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.df ?? 0;
  }

  /** Adds each weighted query term's BM25F contribution into `scores` (indexed by doc). */
  accumulate(terms: ReadonlyMap<string, number>, scores: Float64Array): void {
    for (const [term, queryWeight] of terms) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const idf = this.idf(term) * queryWeight;
      const { docs, fields, counts } = postings;
      let i = 0;
      while (i < docs.length) {
        const doc = docs[i]!;
        const lengths = this.lengths[doc]!;
        let pseudo = 0;
        for (; i < docs.length && docs[i] === doc; i++) {
          const f = fields[i]!;
          const b = B[LEXICAL_FIELDS[f]!];
          pseudo += (this.weights[f]! * counts[i]!) / (1 - b + (b * lengths[f]!) / this.averageLength[f]!);
        }
        scores[doc] = scores[doc]! + (idf * pseudo * (K1 + 1)) / (pseudo + K1);
      }
    }
  }
}
