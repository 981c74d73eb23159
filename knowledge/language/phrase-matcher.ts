/**
 * Weighted phrase rules matched on folded tokens. Longer phrases win over the shorter ones they
 * contain ("bao nhiêu ngày" is a time question, not "bao nhiêu" money); a phrase of two or more
 * words tolerates one typo in one long word ("bao nhiu", "thoi giam").
 *
 * Phrases match whole syllables and never run across a clause break ("hồ sơ, đề nghị"). A rule
 * written with accents ("số đề", "cán bộ") also needs the accents to agree where the citizen typed
 * them: "hồ sơ đề nghị" is not "số đề", while "so de" typed without accents still is.
 */
import { foldDiacritics, normalizeVietnamese } from './normalize.ts';
import type { Token } from './message-tokens.ts';
import { isTypoOf } from './syllable.ts';

export interface PhraseRule<Tag extends string = string> {
  /**
   * Words separated by spaces: folded ("le phi") when any accents fit, accented ("số đề") when
   * the accents tell it apart from another phrase with the same folded form.
   */
  phrase: string;
  tag: Tag;
  weight: number;
}

export interface PhraseMatch<Tag extends string = string> {
  rule: PhraseRule<Tag>;
  start: number;
  /** Exclusive. */
  end: number;
  /** The tokens the phrase's words matched (a gap's tokens are not among them). */
  positions: number[];
  fuzzy: boolean;
}

/**
 * Written between two words of a phrase, `…` stands for up to GAP_MAX tokens of the same clause
 * ("có … được không" reads "có đăng ký khai sinh được không"); those tokens stay unclaimed.
 */
export const GAP = '…';
const GAP_MAX = 12;

/** Builds rules from `{ tag: [[phrase, weight], …] }`. */
export function rulesFrom<Tag extends string>(table: Record<Tag, ReadonlyArray<readonly [string, number]>>): PhraseRule<Tag>[] {
  const rules: PhraseRule<Tag>[] = [];
  for (const tag of Object.keys(table) as Tag[]) {
    for (const [phrase, weight] of table[tag]) rules.push({ phrase, tag, weight });
  }
  return rules;
}

interface CompiledRule<Tag extends string> {
  rule: PhraseRule<Tag>;
  /** Folded words; GAP where the phrase allows a gap. */
  words: string[];
  /** The rule's own spelling of each word when it is accented, else null (any accents fit). */
  accents: Array<string | null>;
  /** Words without the gaps (what makes a rule longer, hence more specific). */
  size: number;
}

/** A typed token fits a rule word's accents: typed without accents, or typed as the rule spells it. */
function accentsAgree(token: Token, accented: string | null): boolean {
  return accented === null || token.raw === token.folded || token.raw === accented;
}

export class PhraseMatcher<Tag extends string = string> {
  private readonly compiled: CompiledRule<Tag>[];
  /** The rules a typo may be read in: two words or more. */
  private readonly fuzzable: CompiledRule<Tag>[];

  constructor(rules: ReadonlyArray<PhraseRule<Tag>>) {
    this.compiled = rules
      .map((rule) => {
        const spelled = normalizeVietnamese(rule.phrase.replace(/\.\.\./g, GAP)).split(/\s+/).filter(Boolean);
        const words = spelled.map((w) => (w === GAP ? GAP : foldDiacritics(w)));
        const accents = spelled.map((w, k) => (w === words[k] ? null : w));
        return { rule, words, accents, size: words.filter((w) => w !== GAP).length };
      })
      .filter((c) => c.size > 0 && c.words[0] !== GAP && c.words.at(-1) !== GAP)
      // Longest first, then heaviest: the greedy pass below keeps the most specific reading.
      .sort((a, b) => b.size - a.size || b.rule.weight - a.rule.weight);
    this.fuzzable = this.compiled.filter((c) => c.size >= 2);
  }

  /** Every folded word the rules use (lets the analyser split run-together words). */
  vocabulary(): Set<string> {
    return new Set(this.compiled.flatMap((c) => c.words.filter((w) => w !== GAP)));
  }

  /**
   * Non-overlapping matches, most specific first. Tokens already claimed (`claimed[i]`) are not
   * matched again; the array is updated with the new claims.
   */
  match(tokens: ReadonlyArray<Token>, claimed: boolean[] = new Array<boolean>(tokens.length).fill(false)): PhraseMatch<Tag>[] {
    const matches: PhraseMatch<Tag>[] = [];
    // Words as typed first, then with a typo — read only in rules of two words or more and in words
    // typed without accents: "nhận không" is no typo of "nhanh không" where a rule reads it as typed.
    const passes = tokens.some((token) => token.raw === token.folded) ? [false, true] : [false];
    for (const typosAllowed of passes) {
      for (const compiled of typosAllowed ? this.fuzzable : this.compiled) {
        for (let start = 0; start < tokens.length; start += 1) {
          const found = this.matchAt(compiled, tokens, claimed, start, typosAllowed);
          if (!found) continue;
          for (const i of found.positions) claimed[i] = true;
          matches.push({ rule: compiled.rule, start, end: found.positions.at(-1)! + 1, positions: found.positions, fuzzy: found.typos > 0 });
        }
      }
    }
    return matches.sort((a, b) => a.start - b.start);
  }

  /** The rule read from `start`: the positions its words matched, shortest gaps first, or null. */
  private matchAt(
    { words, accents, size }: CompiledRule<Tag>,
    tokens: ReadonlyArray<Token>,
    claimed: readonly boolean[],
    start: number,
    typosAllowed: boolean,
  ): { positions: number[]; typos: number } | null {
    const first = tokens[start]!;
    // Most rules fail on their first word: say so before building the search below.
    if (claimed[start]) return null;
    if (first.folded !== words[0] && !(typosAllowed && size >= 2 && first.raw === first.folded && isTypoOf(first.folded, words[0]!))) return null;
    const { sentence } = first;
    // Words after a gap may be in another clause of the sentence; words next to each other may not.
    const step = (k: number, at: number, typos: number, positions: number[]): { positions: number[]; typos: number } | null => {
      if (k === words.length) return { positions, typos };
      if (words[k] === GAP) {
        for (let skip = 0; skip <= GAP_MAX; skip += 1) {
          const next = at + skip;
          if (next >= tokens.length || tokens[next]!.sentence !== sentence) return null;
          const found = step(k + 1, next, typos, positions);
          if (found) return found;
        }
        return null;
      }
      const token = tokens[at];
      if (!token || claimed[at]) return null;
      const previous = positions.at(-1);
      if (previous !== undefined && (previous === at - 1 ? tokens[previous]!.clause !== token.clause : token.sentence !== sentence)) return null;
      const word = words[k]!;
      if (token.folded === word) {
        return accentsAgree(token, accents[k]!) ? step(k + 1, at + 1, typos, [...positions, at]) : null;
      }
      // A typo is read only in words typed without accents: typed with accents, it is another word ("thân", not "thật").
      if (typosAllowed && size >= 2 && typos === 0 && token.raw === token.folded && isTypoOf(token.folded, word)) return step(k + 1, at + 1, typos + 1, [...positions, at]);
      return null;
    };
    return step(0, start, 0, []);
  }
}
