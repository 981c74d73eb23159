/**
 * The record's own text, cut into passages (each condition, subject, step, document, result line
 * and note), and the ones most relevant to what the citizen asked — for questions no facet
 * covers and for conditions or validity questions answered from the record's words. Passages
 * are quoted as the record says them (clipped only when very long), never reworded.
 */
import { foldedKey, syllables } from '../../knowledge/language/normalize.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { documentLine } from './documents.ts';
import { clip, sentence } from './format.ts';

export type PassageSource = 'conditions' | 'subjects' | 'steps' | 'documents' | 'result' | 'notes' | 'fees';

export interface Passage {
  source: PassageSource;
  text: string;
}

/** How each source is introduced when quoted. */
export const PASSAGE_LABELS: Record<PassageSource, string> = {
  conditions: 'Điều kiện',
  subjects: 'Đối tượng thực hiện',
  steps: 'Trình tự thực hiện',
  documents: 'Thành phần hồ sơ',
  result: 'Kết quả',
  notes: 'Lưu ý',
  fees: 'Phí, lệ phí',
};

/** Longer passages are clipped at a word boundary (the full text stays at the source page). */
const MAX_PASSAGE = 600;

/** What the citizen asked, as the composers read it: the topic words and the whole message, folded. */
export interface Asked {
  /** Folded topic words (intent phrases and stop words removed). */
  topic: readonly string[];
  /** The whole message, folded, one space between words. */
  text: string;
}

export function recordPassages(procedure: Procedure): Passage[] {
  const fees = procedure.channels.flatMap((c) =>
    c.fees.flatMap((f) => [f.note, ...f.exemptions.map((e) => `Được miễn: ${e}`)].filter((t): t is string => Boolean(t?.trim()))),
  );
  const passages: Passage[] = [
    ...procedure.conditions.map((text) => ({ source: 'conditions' as const, text })),
    ...procedure.subjects.map((text) => ({ source: 'subjects' as const, text })),
    ...procedure.steps.map((text) => ({ source: 'steps' as const, text })),
    ...procedure.documents.map((doc) => ({ source: 'documents' as const, text: documentLine(doc) })),
    ...procedure.result.map((text) => ({ source: 'result' as const, text })),
    ...procedure.notes.map((text) => ({ source: 'notes' as const, text })),
    ...[...new Set(fees)].map((text) => ({ source: 'fees' as const, text })),
  ];
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = foldedKey(p.text).trim();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A text's folded syllables. */
export const wordsOf = (text: string) => syllables(foldedKey(text));

/** Each two adjacent words, as "a b". */
export function adjacentPairs(words: readonly string[]): string[] {
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

/**
 * The passages that share the most with the question's words, best first: each shared word
 * counts by how rare it is among the record's passages, each shared pair of adjacent words adds
 * as much again. Words of the procedure's own name say nothing about which passage is meant.
 * With `needPair`, a passage must share a pair of adjacent words beyond the name's.
 */
export function relevantPassages(
  procedure: Procedure,
  asked: Asked,
  options: { sources?: readonly PassageSource[]; max?: number; minScore?: number; needPair?: boolean } = {},
): Passage[] {
  const all = recordPassages(procedure);
  const pool = options.sources ? all.filter((p) => options.sources!.includes(p.source)) : all;
  if (pool.length === 0) return [];
  const nameWords = new Set([procedure.name, ...procedure.aliases].flatMap(wordsOf));
  const askedWords = [...new Set(asked.topic)].filter((w) => !nameWords.has(w) && w.length > 1);
  if (askedWords.length === 0) return [];
  const words = all.map((p) => wordsOf(p.text));
  const df = new Map<string, number>();
  for (const list of words) for (const w of new Set(list)) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + all.length / (df.get(w) ?? all.length));
  const pairs = adjacentPairs(asked.topic);
  const scored = pool.map((passage) => {
    const list = wordsOf(passage.text);
    const own = new Set(list);
    const ownPairs = new Set(adjacentPairs(list));
    let score = 0;
    let pairsShared = 0;
    for (const w of askedWords) if (own.has(w)) score += idf(w);
    for (const pair of pairs) {
      if (!ownPairs.has(pair) || pair.split(' ').every((w) => nameWords.has(w))) continue;
      score += idf(pair.split(' ')[1]!);
      pairsShared += 1;
    }
    // Single words typed without accents ("to", "qua") match by chance; a pair of them rarely does.
    return { passage, score: options.needPair && pairsShared === 0 ? 0 : score };
  });
  const minScore = options.minScore ?? 1;
  return scored
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score)
    .slice(0, options.max ?? 3)
    .map((s) => s.passage);
}

/** One quoted passage: its source, then its words as the record has them. */
export function quotePassage(passage: Passage): string {
  return `${PASSAGE_LABELS[passage.source]}: “${clip(sentence(passage.text), MAX_PASSAGE)}”`;
}
