/**
 * A phrase said as it is spelt. Folded, "sắp nhập" is "sáp nhập", "mặt" is "mất", "sổ hồng" is
 * "hỏng": where the message is typed with accents, each of the phrase's syllables must be typed
 * as the phrase spells it (or without accents, when the citizen typed it so: then it may be either).
 */
import { foldedKey, hasDiacritics, syllables } from './normalize.ts';

/** A message as accentedPhrase and foldedPhrase give it: syllables padded with one space each side. */
export interface SpeltText {
  accented: string;
  folded: string;
}

/** A spelling's syllables as spelt, and its folded phrase padded like SpeltText's (computed once per spelling). */
const SPELLINGS = new Map<string, { spelt: string[]; folded: string }>();
function spellingOf(spelling: string) {
  let known = SPELLINGS.get(spelling);
  if (!known) SPELLINGS.set(spelling, (known = { spelt: syllables(spelling), folded: ` ${syllables(foldedKey(spelling)).join(' ')} ` }));
  return known;
}

export function saysAsSpelt(text: SpeltText, spelling: string): boolean {
  const { spelt, folded } = spellingOf(spelling);
  let at = text.folded.indexOf(folded);
  if (at < 0) return false;
  const typed = text.accented.trim().split(' ');
  // Folding keeps the syllables; a text where it did not is read folded.
  if (typed.length !== text.folded.trim().split(' ').length) return true;
  for (; at >= 0; at = text.folded.indexOf(folded, at + 1)) {
    const start = text.folded.slice(0, at).split(' ').filter(Boolean).length;
    if (spelt.every((syllable, i) => !hasDiacritics(typed[start + i]!) || typed[start + i] === syllable)) return true;
  }
  return false;
}
