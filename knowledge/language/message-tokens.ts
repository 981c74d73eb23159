/**
 * A citizen's message as tokens: each syllable keeps its accented form (for retrieval) and its
 * folded form (for matching text typed with or without diacritics). Abbreviations are expanded,
 * Telex leftovers repaired and run-together words ("baonhieu") split on a known vocabulary.
 * Reuses the indexer's normalisation — there is one definition of "folded".
 */
import { foldDiacritics, normalizeVietnamese, syllables } from './normalize.ts';
import { expandAbbreviation } from './abbreviations.ts';
import { isPossibleSyllable, repairTelex } from './syllable.ts';

export interface Token {
  /** Normalised, accented when the citizen typed accents ("lệ", or "le"). */
  raw: string;
  /** Without diacritics ("le"). */
  folded: string;
}

export interface AnalyzedMessage {
  original: string;
  tokens: Token[];
  /** Folded tokens joined by one space. */
  folded: string;
}

function token(raw: string): Token {
  return { raw, folded: foldDiacritics(raw) };
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

export function analyzeMessage(text: string, vocabulary: ReadonlySet<string> = new Set()): AnalyzedMessage {
  const tokens: Token[] = [];
  for (const raw of syllables(normalizeVietnamese(text))) {
    const folded = foldDiacritics(raw);
    const expansion = expandAbbreviation(raw, folded);
    if (expansion) {
      for (const word of syllables(expansion)) tokens.push(token(word));
      continue;
    }
    if (/[0-9]/.test(folded) || isPossibleSyllable(folded) || vocabulary.has(folded)) {
      tokens.push({ raw, folded });
      continue;
    }
    const repaired = repairTelex(folded);
    if (repaired) {
      const again = expandAbbreviation(repaired, repaired);
      if (again) for (const word of syllables(again)) tokens.push(token(word));
      else tokens.push({ raw: repaired, folded: repaired });
      continue;
    }
    const parts = splitRunTogether(folded, vocabulary);
    if (parts) {
      for (const part of parts) {
        const partExpansion = expandAbbreviation(part, part);
        if (partExpansion) for (const word of syllables(partExpansion)) tokens.push(token(word));
        else tokens.push({ raw: part, folded: part });
      }
      continue;
    }
    tokens.push({ raw, folded });
  }
  return { original: text, tokens, folded: tokens.map((t) => t.folded).join(' ') };
}

/** Share of tokens that are not possible Vietnamese syllables (gibberish, foreign words). */
export function oddTokenShare(analysis: AnalyzedMessage): number {
  if (analysis.tokens.length === 0) return 1;
  const odd = analysis.tokens.filter((t) => !isPossibleSyllable(t.folded)).length;
  return odd / analysis.tokens.length;
}
