/**
 * A fielded BM25 (BM25F) inverted index over procedures. Each field's term frequency is
 * length-normalised and weighted, the weighted sum saturates once (k1), and the term's IDF over
 * procedures scales it — so a word repeated across a long step list cannot outweigh the name.
 * Its data (`Bm25Data`: flat typed arrays) can be saved and loaded back (prebuilt-index.ts).
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
const B_BY_FIELD = Float64Array.from(LEXICAL_FIELDS, (field) => B[field]);

/**
 * Everything the index holds, independent of the field weights: term t's postings are entries
 * `start[t]` to `start[t+1]` of (docs, fields, counts), grouped by doc in doc order.
 */
export interface Bm25Data {
  /** Indexed terms; a term's id is its position. */
  terms: string[];
  /** Distinct documents per term (the postings hold one entry per doc *and field*). */
  df: Uint32Array;
  start: Uint32Array;
  docs: Uint32Array;
  fields: Uint8Array;
  counts: Uint32Array;
  /** Terms per document and field: `lengths[doc * LEXICAL_FIELDS.length + f]`. */
  lengths: Uint32Array;
  /** Folded terms of each name and its aliases, in analysis order. */
  nameTerms: string[][];
}

export interface Bm25Options {
  /** Field weights; defaults to FIELD_WEIGHTS. */
  weights?: Partial<Record<LexicalField, number>>;
  /** Citizens' wordings per procedure code (default: the learned ones shipped with the vocabulary). */
  phrasingsOf?: PhrasingsOf;
}

/** Procedures indexed between two turns of the event loop in `Bm25Index.build`. */
const BUILD_SLICE = 100;

/** Postings while indexing: per term, growing arrays. */
interface Growing {
  docs: number[];
  fields: number[];
  counts: number[];
  df: number;
}

/** Indexes procedures slice by slice, then freezes the result into `Bm25Data`. */
class Bm25Builder {
  private readonly postings = new Map<string, Growing>();
  private readonly lengths: number[] = [];
  private readonly nameTerms: string[][] = [];

  constructor(
    private readonly procedures: readonly Procedure[],
    private readonly phrasingsOf: PhrasingsOf,
  ) {}

  indexRange(from: number, to: number): void {
    const counts = new Map<string, number>();
    for (let doc = from; doc < to; doc++) {
      const procedure = this.procedures[doc]!;
      const fields = procedureFields(procedure, this.phrasingsOf);
      LEXICAL_FIELDS.forEach((field, f) => {
        const terms = indexTerms(fields[field], ACCENTED_FIELDS.has(field));
        this.lengths.push(terms.length);
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
      this.nameTerms.push([...new Set(indexTerms(`${withoutFiller(procedure.name)} . ${procedure.aliases.join(' . ')}`))]);
    }
  }

  finish(): Bm25Data {
    const terms = [...this.postings.keys()];
    let total = 0;
    for (const postings of this.postings.values()) total += postings.docs.length;
    const data: Bm25Data = {
      terms,
      df: new Uint32Array(terms.length),
      start: new Uint32Array(terms.length + 1),
      docs: new Uint32Array(total),
      fields: new Uint8Array(total),
      counts: new Uint32Array(total),
      lengths: Uint32Array.from(this.lengths),
      nameTerms: this.nameTerms,
    };
    let at = 0;
    terms.forEach((term, t) => {
      const postings = this.postings.get(term)!;
      data.df[t] = postings.df;
      data.start[t] = at;
      data.docs.set(postings.docs, at);
      data.fields.set(postings.fields, at);
      data.counts.set(postings.counts, at);
      at += postings.docs.length;
    });
    data.start[terms.length] = at;
    return data;
  }
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly idfs: Float64Array;
  private readonly averageLength: Float64Array;
  private readonly weights: Float64Array;
  /** Folded name terms per procedure, for coverage signals. */
  readonly nameTerms: Set<string>[];
  readonly data: Bm25Data;
  readonly procedures: readonly Procedure[];

  /** Indexes every procedure at once (blocks the event loop; see `build` for servers), or takes `data` built for them. */
  constructor(procedures: readonly Procedure[], options: Bm25Options = {}, data?: Bm25Data) {
    if (!data) {
      const builder = new Bm25Builder(procedures, options.phrasingsOf ?? learnedPhrasings);
      builder.indexRange(0, procedures.length);
      data = builder.finish();
    }
    this.data = data;
    this.procedures = procedures;
    this.weights = Float64Array.from(LEXICAL_FIELDS, (f) => Math.fround(options.weights?.[f] ?? FIELD_WEIGHTS[f]));
    for (const [t, term] of data.terms.entries()) this.termIds.set(term, t);
    this.idfs = new Float64Array(data.terms.length).fill(Number.NaN);
    this.nameTerms = data.nameTerms.map((terms) => new Set(terms));
    const fieldCount = LEXICAL_FIELDS.length;
    const totals = new Float64Array(fieldCount);
    for (let i = 0; i < data.lengths.length; i++) totals[i % fieldCount] = totals[i % fieldCount]! + data.lengths[i]!;
    this.averageLength = Float64Array.from(totals, (total) => Math.fround(Math.max(1, total / Math.max(1, procedures.length))));
  }

  /** The same index, built in slices that let a server answer (e.g. /health) meanwhile. */
  static async build(procedures: readonly Procedure[], options: Bm25Options = {}): Promise<Bm25Index> {
    const builder = new Bm25Builder(procedures, options.phrasingsOf ?? learnedPhrasings);
    for (let start = 0; start < procedures.length; start += BUILD_SLICE) {
      builder.indexRange(start, Math.min(procedures.length, start + BUILD_SLICE));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return new Bm25Index(procedures, options, builder.finish());
  }

  get size(): number {
    return this.procedures.length;
  }

  /** Inverse document frequency (BM25's, always positive), cached per term. */
  idf(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.idfOf(t);
  }

  /** A term's id (its position in `data.terms`), or undefined when no procedure has it. */
  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  private readonly nameIds = new Map<number, Set<number>>();

  /** The ids of a procedure's name terms that the index holds (set once, on first use). */
  nameTermIds(doc: number): ReadonlySet<number> {
    let ids = this.nameIds.get(doc);
    if (!ids) {
      ids = new Set<number>();
      for (const term of this.nameTerms[doc]!) {
        const t = this.termIds.get(term);
        if (t !== undefined) ids.add(t);
      }
      this.nameIds.set(doc, ids);
    }
    return ids;
  }

  /** IDF by term id (see `idf`). */
  idfOf(t: number): number {
    let idf = this.idfs[t]!;
    if (Number.isNaN(idf)) {
      const df = this.data.df[t]!;
      this.idfs[t] = idf = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
    }
    return idf;
  }

  documentFrequency(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.data.df[t]!;
  }

  /**
   * Term t's postings folded per document: each doc with its length-normalised, field-weighted
   * frequency (BM25F's pseudo-frequency, before saturation). It depends on the term alone, not on
   * the question, so it is computed on a term's first use and kept.
   */
  private readonly perDoc = new Map<number, { docs: Uint32Array; pseudo: Float64Array }>();

  private postingsByDoc(t: number): { docs: Uint32Array; pseudo: Float64Array } {
    let folded = this.perDoc.get(t);
    if (folded) return folded;
    const { start, docs, fields, counts, lengths } = this.data;
    const fieldCount = LEXICAL_FIELDS.length;
    const end = start[t + 1]!;
    const groupDocs: number[] = [];
    const groupPseudo: number[] = [];
    let i = start[t]!;
    while (i < end) {
      const doc = docs[i]!;
      let pseudo = 0;
      for (; i < end && docs[i] === doc; i++) {
        const f = fields[i]!;
        const b = B_BY_FIELD[f]!;
        pseudo += (this.weights[f]! * counts[i]!) / (1 - b + (b * lengths[doc * fieldCount + f]!) / this.averageLength[f]!);
      }
      groupDocs.push(doc);
      groupPseudo.push(pseudo);
    }
    folded = { docs: Uint32Array.from(groupDocs), pseudo: Float64Array.from(groupPseudo) };
    this.perDoc.set(t, folded);
    return folded;
  }

  /** Adds each weighted query term's BM25F contribution into `scores` (indexed by doc). */
  accumulate(terms: ReadonlyMap<string, number>, scores: Float64Array): void {
    for (const [term, queryWeight] of terms) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const idf = this.idfOf(t) * queryWeight;
      const { docs, pseudo } = this.postingsByDoc(t);
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const p = pseudo[i]!;
        scores[doc] = scores[doc]! + (idf * p * (K1 + 1)) / (p + K1);
      }
    }
  }
}
