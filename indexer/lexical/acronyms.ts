/**
 * Acronyms learned from the catalog. Officials and citizens abbreviate the catalog's own
 * phrases — GPLHX (giấy phép lưu hành xe), DVMTR (dịch vụ môi trường rừng), KDVCHK (kinh doanh
 * vận chuyển hàng không), TBKT (tiến bộ kỹ thuật). Every run of 3–7 syllables in a procedure
 * name is indexed under its initials (folded: đ → d); a question word the index does not know
 * that matches such initials is expanded to the phrase most names use for them.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { foldDiacritics } from '../../knowledge/language/normalize.ts';
import { phrases } from '../../knowledge/language/search-terms.ts';

const MIN_LETTERS = 3;
const MAX_LETTERS = 7;
/** The leading phrase must account for at least this share of a set of initials' uses. */
const MIN_SHARE = 0.5;

export class AcronymTable {
  private readonly expansions = new Map<string, string>();

  /** Learns the table from the procedures' names, or takes `expansions` learned before (a prebuilt index). */
  constructor(procedures: readonly Procedure[], expansions?: Iterable<readonly [string, string]>) {
    if (expansions) {
      for (const [initials, phrase] of expansions) this.expansions.set(initials, phrase);
      return;
    }
    const counts = new Map<string, Map<string, number>>();
    for (const procedure of procedures) {
      const seen = new Set<string>();
      for (const phrase of phrases(procedure.name)) {
        const folded = foldDiacritics(phrase.join(' ')).split(' ');
        for (let start = 0; start < folded.length; start++) {
          for (let length = MIN_LETTERS; length <= MAX_LETTERS && start + length <= folded.length; length++) {
            const words = folded.slice(start, start + length);
            if (words.some((word) => !/^\p{L}/u.test(word))) break;
            const initials = words.map((word) => word[0]).join('');
            const text = phrase.slice(start, start + length).join(' ');
            const key = `${initials}\u0000${text}`;
            if (seen.has(key)) continue;
            seen.add(key);
            let byText = counts.get(initials);
            if (!byText) counts.set(initials, (byText = new Map()));
            byText.set(text, (byText.get(text) ?? 0) + 1);
          }
        }
      }
    }
    for (const [initials, byText] of counts) {
      let best = '';
      let bestCount = 0;
      let total = 0;
      for (const [text, count] of byText) {
        total += count;
        if (count > bestCount) [best, bestCount] = [text, count];
      }
      if (bestCount / total >= MIN_SHARE) this.expansions.set(initials, best);
    }
  }

  /** The phrase behind a word's initials ("gplhx" → "giấy phép lưu hành xe"), if one dominates. */
  expand(word: string): string | undefined {
    const folded = foldDiacritics(word.toLowerCase());
    if (folded.length < MIN_LETTERS || folded.length > MAX_LETTERS || !/^[a-z]+$/.test(folded)) return undefined;
    return this.expansions.get(folded);
  }

  /** Initials and their phrase, in the order learned (what a prebuilt index saves). */
  entries(): Array<[string, string]> {
    return [...this.expansions];
  }

  get size(): number {
    return this.expansions.size;
  }
}
