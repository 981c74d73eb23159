/**
 * Scores retrievers on real portal questions (../shared/eval/faq-dev.jsonl): for each question,
 * as written and with its diacritics stripped, the rank of the first gold code among the hits
 * (a near-duplicate variant listed under a hit does not count — the hit's own code must match).
 * The gold is either the portal's own label (`related_codes_in_kb`) or the adjudicated one
 * (`acceptable`; an empty list means no procedure of the catalog answers the question).
 */
import { foldDiacritics } from '../../knowledge/language/normalize.ts';
import type { ProcedureRetriever } from '../../indexer/retriever.ts';

export interface FaqQuestion {
  question: string;
  /** The portal's own label (`related_codes_in_kb`). */
  goldCodes: string[];
  /** The adjudicated label (`acceptable`), when the line has one; empty: nothing in the catalog answers it. */
  acceptable: string[] | null;
}

export function parseFaqJsonl(text: string): FaqQuestion[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const row = JSON.parse(line) as { question?: unknown; related_codes_in_kb?: unknown; acceptable?: unknown };
      if (typeof row.question !== 'string' || !Array.isArray(row.related_codes_in_kb)) {
        throw new Error(`faq line ${index + 1}: needs "question" and "related_codes_in_kb"`);
      }
      if (row.acceptable !== undefined && !Array.isArray(row.acceptable)) throw new Error(`faq line ${index + 1}: "acceptable" must be a list of codes`);
      return { question: row.question, goldCodes: row.related_codes_in_kb.map(String), acceptable: row.acceptable ? row.acceptable.map(String) : null };
    });
}

/**
 * The questions scored against their adjudicated label instead of the portal's: those with an
 * `acceptable` list that names at least one procedure (the unanswerable ones are left out).
 */
export function adjudicated(questions: readonly FaqQuestion[]): FaqQuestion[] {
  return questions.filter((q) => q.acceptable !== null && q.acceptable.length > 0).map((q) => ({ ...q, goldCodes: q.acceptable! }));
}

export interface RankStats {
  top1: number;
  top3: number;
  mrr: number;
  count: number;
}

export interface FaqScore {
  written: RankStats;
  unaccented: RankStats;
  /** The same, counting a gold code listed among a hit's near-duplicate variants as that hit. */
  grouped: { written: RankStats; unaccented: RankStats };
  /** Per question: rank (1-based) as written / unaccented, 0 when not in the top `depth`. */
  ranks: Array<{ question: string; written: number; unaccented: number }>;
}

async function rankOf(retriever: ProcedureRetriever, question: string, gold: string[], depth: number): Promise<{ strict: number; grouped: number }> {
  const hits = await retriever.search(question, { limit: depth });
  const strict = hits.findIndex((hit) => gold.includes(hit.procedure.code));
  const grouped = hits.findIndex((hit) => gold.includes(hit.procedure.code) || hit.variants.some((code) => gold.includes(code)));
  return { strict: strict + 1, grouped: grouped + 1 };
}

function stats(ranks: number[]): RankStats {
  const count = ranks.length;
  const share = (predicate: (rank: number) => boolean) => ranks.filter(predicate).length / Math.max(1, count);
  return {
    top1: share((r) => r === 1),
    top3: share((r) => r >= 1 && r <= 3),
    mrr: ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0) / Math.max(1, count),
    count,
  };
}

export async function scoreRetriever(retriever: ProcedureRetriever, questions: readonly FaqQuestion[], depth = 10): Promise<FaqScore> {
  const ranks: FaqScore['ranks'] = [];
  const grouped: Array<{ written: number; unaccented: number }> = [];
  for (const { question, goldCodes } of questions) {
    const written = await rankOf(retriever, question, goldCodes, depth);
    const unaccented = await rankOf(retriever, foldDiacritics(question), goldCodes, depth);
    ranks.push({ question, written: written.strict, unaccented: unaccented.strict });
    grouped.push({ written: written.grouped, unaccented: unaccented.grouped });
  }
  return {
    written: stats(ranks.map((r) => r.written)),
    unaccented: stats(ranks.map((r) => r.unaccented)),
    grouped: { written: stats(grouped.map((r) => r.written)), unaccented: stats(grouped.map((r) => r.unaccented)) },
    ranks,
  };
}

/** The same scores over a subset of the questions (by index); near-duplicate counting is left out. */
export function restrictScore(score: FaqScore, keep: (index: number) => boolean): FaqScore {
  const ranks = score.ranks.filter((_, index) => keep(index));
  const written = stats(ranks.map((r) => r.written));
  const unaccented = stats(ranks.map((r) => r.unaccented));
  return { written, unaccented, grouped: { written, unaccented }, ranks };
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

/** Rows as in formatScoreTable, counting gold codes grouped under a hit as near-duplicates. */
export function groupedRows(rows: ReadonlyArray<{ name: string; score: FaqScore }>): Array<{ name: string; score: FaqScore }> {
  return rows.map(({ name, score }) => ({ name, score: { ...score, written: score.grouped.written, unaccented: score.grouped.unaccented } }));
}

export function formatScoreTable(rows: ReadonlyArray<{ name: string; score: FaqScore }>): string {
  const header = `${'retriever'.padEnd(22)} | ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)} | ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR'.padStart(6)}`;
  const lines = [
    `${''.padEnd(22)} | ${'as written'.padEnd(22)} | without diacritics`,
    header,
    '-'.repeat(header.length),
    ...rows.map(
      ({ name, score }) =>
        `${name.padEnd(22)} | ${pct(score.written.top1)} ${pct(score.written.top3)} ${score.written.mrr.toFixed(3).padStart(6)} | ${pct(score.unaccented.top1)} ${pct(score.unaccented.top3)} ${score.unaccented.mrr.toFixed(3).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}
