/**
 * A citizen's message as tokens: each syllable keeps its accented form (for retrieval) and its
 * folded form (for matching text typed with or without diacritics). Abbreviations are expanded,
 * Telex leftovers repaired and run-together words ("baonhieu") split on a known vocabulary.
 * Reuses the indexer's normalisation — there is one definition of "folded".
 */
import { foldDiacritics, normalizeVietnamese, syllables } from './normalize.ts';
import { abbreviationsKeptIn, expandAbbreviation } from './abbreviations.ts';
import { isPossibleSyllable, repairTelex } from './syllable.ts';

export interface Token {
  /** Normalised, accented when the citizen typed accents ("lệ", or "le"). */
  raw: string;
  /** Without diacritics ("le"). */
  folded: string;
  /**
   * Which clause of the message the token is in (0, 1, …): clauses are separated by sentence
   * and clause punctuation (. ? ! ; : , and line breaks). Phrases never span two clauses.
   */
  clause?: number;
  /** Which sentence (. ? ! ; and line breaks): a phrase with a gap ("có … không") stays in one. */
  sentence?: number;
}

export interface AnalyzedMessage {
  original: string;
  tokens: Token[];
  /** Folded tokens joined by one space. */
  folded: string;
  /** Number of clauses (at least 1 when there are tokens). */
  clauses: number;
}

/** Punctuation that ends a sentence. */
const SENTENCE_BREAK = /[.?!;\n\r…]+/u;
/** Punctuation that ends a clause within a sentence: a phrase ("hồ sơ, đề nghị") does not run across it. */
const CLAUSE_BREAK = /[:,()\[\]"“”]+/u;

/** The message cut into sentences of clauses (punctuation dropped); a decimal or thousands separator does not cut. */
export function clausesOf(text: string): string[][] {
  return text
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .split(SENTENCE_BREAK)
    .map((sentence) => sentence.split(CLAUSE_BREAK).map((c) => c.trim()).filter(Boolean))
    .filter((clauses) => clauses.length > 0);
}

/** Longer runs are left as they are: a few run-together words are never this long. */
const MAX_RUN_TOGETHER = 48;

/**
 * "baonhieu" → ["bao", "nhieu"] when both halves are known words. Each suffix is tried once
 * (remembered), so a crafted word cannot make the search branch at every letter.
 */
function splitRunTogether(folded: string, vocabulary: ReadonlySet<string>, tried = new Map<number, string[] | null>(), from = 0): string[] | null {
  if (from === 0 && folded.length > MAX_RUN_TOGETHER) return null;
  const known = tried.get(from);
  if (known !== undefined) return known;
  let found: string[] | null = null;
  for (let cut = from + 1; cut < folded.length && !found; cut += 1) {
    const left = folded.slice(from, cut);
    const right = folded.slice(cut);
    if (vocabulary.has(left) && vocabulary.has(right)) found = [left, right];
    else if (vocabulary.has(left) && !isPossibleSyllable(right)) {
      const rest = splitRunTogether(folded, vocabulary, tried, cut);
      if (rest) found = [left, ...rest];
    }
  }
  tried.set(from, found);
  return found;
}

/**
 * Words typed in capitals ("AMO", "TBKT") in a message that is not all capitals: acronyms, kept as
 * typed rather than split ("a" + "mo") or repaired.
 */
function acronymsIn(text: string): Set<string> {
  if (!/\p{Ll}/u.test(text)) return new Set();
  return new Set((text.match(/(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu) ?? []).map((word) => foldDiacritics(word.toLowerCase())));
}

export function analyzeMessage(text: string, vocabulary: ReadonlySet<string> = new Set()): AnalyzedMessage {
  const tokens: Token[] = [];
  const acronyms = acronymsIn(text);
  const kept = abbreviationsKeptIn(text);
  const clauses = clausesOf(normalizeVietnamese(text)).flatMap((sentence, s) => sentence.map((text) => ({ text, sentence: s })));
  clauses.forEach(({ text: clauseText, sentence }, clause) => {
    const token = (raw: string, clause: number) => ({ raw, folded: foldDiacritics(raw), clause, sentence });
    const push = (raw: string, folded = foldDiacritics(raw)) => tokens.push({ raw, folded, clause, sentence });
    let previous: string | undefined;
    for (const raw of syllables(clauseText)) {
      const folded = foldDiacritics(raw);
      const expansion = kept.has(folded) ? null : expandAbbreviation(raw, folded, previous);
      previous = folded;
      if (expansion) {
        for (const word of syllables(expansion)) tokens.push(token(word, clause));
        continue;
      }
      if (/[0-9]/.test(folded) || isPossibleSyllable(folded) || vocabulary.has(folded) || acronyms.has(folded)) {
        push(raw, folded);
        continue;
      }
      const repaired = repairTelex(folded);
      if (repaired) {
        const again = expandAbbreviation(repaired, repaired);
        if (again) for (const word of syllables(again)) tokens.push(token(word, clause));
        else push(repaired, repaired);
        continue;
      }
      const parts = splitRunTogether(folded, vocabulary);
      if (parts) {
        for (const part of parts) {
          const partExpansion = expandAbbreviation(part, part);
          if (partExpansion) for (const word of syllables(partExpansion)) tokens.push(token(word, clause));
          else push(part, part);
        }
        continue;
      }
      push(raw, folded);
    }
  });
  return { original: text, tokens, folded: tokens.map((t) => t.folded).join(' '), clauses: Math.max(1, new Set(tokens.map((t) => t.clause)).size) };
}

/** Share of tokens that are not possible Vietnamese syllables (gibberish, foreign words). */
export function oddTokenShare(analysis: AnalyzedMessage): number {
  if (analysis.tokens.length === 0) return 1;
  const odd = analysis.tokens.filter((t) => !isPossibleSyllable(t.folded)).length;
  return odd / analysis.tokens.length;
}
