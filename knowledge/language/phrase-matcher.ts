/**
 * Weighted phrase rules matched on folded tokens. Longer phrases win over the shorter ones they
 * contain ("bao nhiêu ngày" is a time question, not "bao nhiêu" money); a phrase of two or more
 * words tolerates one typo in one long word ("bao nhiu", "thoi giam").
 */
import type { Token } from './message-tokens.ts';
import { isTypoOf } from './syllable.ts';

export interface PhraseRule<Tag extends string = string> {
  /** Folded words separated by spaces: "le phi". */
  phrase: string;
  tag: Tag;
  weight: number;
}

export interface PhraseMatch<Tag extends string = string> {
  rule: PhraseRule<Tag>;
  start: number;
  /** Exclusive. */
  end: number;
  fuzzy: boolean;
}

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
  words: string[];
}

export class PhraseMatcher<Tag extends string = string> {
  private readonly compiled: CompiledRule<Tag>[];

  constructor(rules: ReadonlyArray<PhraseRule<Tag>>) {
    this.compiled = rules
      .map((rule) => ({ rule, words: rule.phrase.split(/\s+/).filter(Boolean) }))
      .filter((c) => c.words.length > 0)
      // Longest first, then heaviest: the greedy pass below keeps the most specific reading.
      .sort((a, b) => b.words.length - a.words.length || b.rule.weight - a.rule.weight);
  }

  /** Every folded word the rules use (lets the analyser split run-together words). */
  vocabulary(): Set<string> {
    return new Set(this.compiled.flatMap((c) => c.words));
  }

  /**
   * Non-overlapping matches, most specific first. Tokens already claimed (`claimed[i]`) are not
   * matched again; the array is updated with the new claims.
   */
  match(tokens: ReadonlyArray<Token>, claimed: boolean[] = new Array<boolean>(tokens.length).fill(false)): PhraseMatch<Tag>[] {
    const matches: PhraseMatch<Tag>[] = [];
    for (const { rule, words } of this.compiled) {
      for (let start = 0; start + words.length <= tokens.length; start += 1) {
        let typos = 0;
        let ok = true;
        for (let k = 0; k < words.length; k += 1) {
          if (claimed[start + k]) {
            ok = false;
            break;
          }
          const typed = tokens[start + k]!.folded;
          const word = words[k]!;
          if (typed === word) continue;
          if (words.length >= 2 && typos === 0 && isTypoOf(typed, word)) {
            typos += 1;
            continue;
          }
          ok = false;
          break;
        }
        if (!ok) continue;
        for (let k = 0; k < words.length; k += 1) claimed[start + k] = true;
        matches.push({ rule, start, end: start + words.length, fuzzy: typos > 0 });
      }
    }
    return matches.sort((a, b) => a.start - b.start);
  }
}
