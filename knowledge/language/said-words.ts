/**
 * Whether a message says a word of a procedure's name. A word is said as it is spelt ("cổ" is
 * not "có"), or typed without accents — where the caller allows that folded form, since folded
 * "co" may be any of several words.
 */
import { foldedKey, hasDiacritics } from './normalize.ts';

export type WordSayer = (word: string, unaccentedCounts?: (folded: string) => boolean) => boolean;

/** A sayer over the message's syllables (as typed, and any read into it). */
export function wordSayer(said: readonly string[]): WordSayer {
  const exact = new Set(said);
  const unaccented = new Set(said.filter((w) => !hasDiacritics(w)));
  return (word, unaccentedCounts = () => true) => {
    if (exact.has(word)) return true;
    const folded = foldedKey(word);
    return unaccented.has(folded) && unaccentedCounts(folded);
  };
}
