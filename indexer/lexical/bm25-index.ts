/**
 * A fielded BM25 (BM25F) inverted index over procedures. Each field's term frequency is
 * length-normalised and weighted, the weighted sum saturates once (k1), and the term's IDF over
 * procedures scales it — so a word repeated across a long step list cannot outweigh the name.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { FIELD_WEIGHTS, LEXICAL_FIELDS, procedureFields, type LexicalField } from './fields.ts';
import { indexTerms } from './terms.ts';

const K1 = 1.2;
const B: Record<LexicalField, number> = {
  name: 0.3, aliases: 0.3, sector: 0.2, agencies: 0.5, subjects: 0.5,
  documents: 0.75, steps: 0.75, conditions: 0.75, result: 0.75, legal: 0.6,
};

interface Posting {
  doc: number;
  /** Term frequency per field, in LEXICAL_FIELDS order. */
  tf: Float32Array;
}

export interface Bm25Options {
  /** Field weights; defaults to FIELD_WEIGHTS. */
  weights?: Partial<Record<LexicalField, number>>;
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: Float32Array[];
  private readonly averageLength: Float32Array;
  private readonly weights: Float32Array;
  /** Folded name terms per procedure, for coverage signals. */
  readonly nameTerms: Set<string>[];

  constructor(
    readonly procedures: readonly Procedure[],
    options: Bm25Options = {},
  ) {
    const fieldCount = LEXICAL_FIELDS.length;
    this.weights = Float32Array.from(LEXICAL_FIELDS.map((f) => options.weights?.[f] ?? FIELD_WEIGHTS[f]));
    this.lengths = [];
    this.nameTerms = [];
    const totals = new Float64Array(fieldCount);
    procedures.forEach((procedure, doc) => {
      const fields = procedureFields(procedure);
      const lengths = new Float32Array(fieldCount);
      const perTerm = new Map<string, Float32Array>();
      LEXICAL_FIELDS.forEach((field, f) => {
        const terms = indexTerms(fields[field]);
        lengths[f] = terms.length;
        totals[f] = totals[f]! + terms.length;
        for (const term of terms) {
          let tf = perTerm.get(term);
          if (!tf) perTerm.set(term, (tf = new Float32Array(fieldCount)));
          tf[f] = tf[f]! + 1;
        }
      });
      this.nameTerms.push(new Set(indexTerms(`${procedure.name} . ${procedure.aliases.join(' . ')}`)));
      this.lengths.push(lengths);
      for (const [term, tf] of perTerm) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    });
    this.averageLength = Float32Array.from(totals, (total) => Math.max(1, total / Math.max(1, procedures.length)));
  }

  get size(): number {
    return this.procedures.length;
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    if (df === 0) return 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Adds each weighted query term's BM25F contribution into `scores` (indexed by doc). */
  accumulate(terms: ReadonlyMap<string, number>, scores: Float64Array): void {
    const fieldCount = LEXICAL_FIELDS.length;
    for (const [term, queryWeight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * queryWeight;
      for (const { doc, tf } of list) {
        const lengths = this.lengths[doc]!;
        let pseudo = 0;
        for (let f = 0; f < fieldCount; f++) {
          const count = tf[f]!;
          if (count === 0) continue;
          const b = B[LEXICAL_FIELDS[f]!];
          pseudo += (this.weights[f]! * count) / (1 - b + (b * lengths[f]!) / this.averageLength[f]!);
        }
        scores[doc] = scores[doc]! + (idf * pseudo * (K1 + 1)) / (pseudo + K1);
      }
    }
  }
}
