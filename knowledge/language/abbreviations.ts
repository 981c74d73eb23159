/**
 * Abbreviations and chat spellings citizens type (vocabulary/abbreviations.json), keyed by the
 * folded token, expanded to the accented words they stand for. Applied token by token before
 * intent rules and retrieval.
 */
import { ABBREVIATIONS, ABBREVIATIONS_KEPT_WHERE_SAID, CITIZEN_SYNONYMS, STOP_WORDS } from './vocabulary.ts';
import { foldedKey, syllables } from './normalize.ts';

export { ABBREVIATIONS };

/** Frame words an abbreviation may stand for ("hong" → "không"). */
const FRAME_WORDS = new Set(STOP_WORDS.accented);
/** Neighbouring syllables of the citizen phrases ("so hong", "hu hong"): folded. */
const PHRASE_PAIRS = new Set(
  Object.keys(CITIZEN_SYNONYMS).flatMap((key) => {
    const words = foldedKey(key).split(' ');
    return words.slice(1).map((word, i) => `${words[i]} ${word}`);
  }),
);

const KEPT_WHERE_SAID = Object.entries(ABBREVIATIONS_KEPT_WHERE_SAID).map(([abbreviation, words]) => ({
  abbreviation,
  words: words.map((word) => ` ${syllables(foldedKey(word)).join(' ')} `),
}));

/**
 * The abbreviations a message leaves as typed because it speaks of their other sense ("mã HS" in a
 * message about customs or goods is the goods' code, not "mã hồ sơ").
 */
export function abbreviationsKeptIn(text: string): Set<string> {
  if (KEPT_WHERE_SAID.length === 0) return new Set();
  const padded = ` ${syllables(foldedKey(text)).join(' ')} `;
  return new Set(KEPT_WHERE_SAID.filter(({ words }) => words.some((word) => padded.includes(word))).map((k) => k.abbreviation));
}

/** "6t" is "6 tuổi" said of a child or a person ("con 6t", "bé 3t"); elsewhere "2t" may be money or floors. */
const AGE_TYPED_SHORT = /^(\d{1,2})t$/;
const AGE_OF = new Set(['con', 'be', 'chau', 'em', 'nay']);

/**
 * Folded keys whose accented spelling is also an abbreviation ("đk", "đky"). A chat spelling of a
 * frame word is left as typed where it and the syllable before it are a citizen phrase: "so hong"
 * is sổ hồng and "hu hong" hư hỏng, not "sổ không".
 */
export function expandAbbreviation(raw: string, folded: string, previous?: string): string | null {
  const age = AGE_TYPED_SHORT.exec(folded);
  if (age && previous !== undefined && AGE_OF.has(previous)) return `${age[1]} tuổi`;
  const expansion = ABBREVIATIONS[folded];
  if (!expansion) return null;
  if (previous !== undefined && FRAME_WORDS.has(expansion) && PHRASE_PAIRS.has(`${previous} ${folded}`)) return null;
  // "đk"/"đky" fold to "dk"/"dky"; any other accented token is a real word ("khóng"? no — but
  // "kẻ"/"vì" must not turn into abbreviations), so only plain ASCII or đ-only tokens expand.
  const onlyDStroke = raw.replace(/đ/g, 'd') === folded;
  return onlyDStroke ? expansion : null;
}

/**
 * A procedure name with the acronyms citizens also spell out written in full ("Cấp lại, đổi,
 * điều chỉnh thông tin trên sổ BHXH, thẻ BHYT" → "… sổ bảo hiểm xã hội, thẻ bảo hiểm y tế"), so a
 * question that says the words finds the name that abbreviates them; null when it has none.
 * Only upper-case acronyms of three letters or more that the abbreviation or citizen-phrase list spells out.
 */
export function spelledOutName(name: string): string | null {
  let changed = false;
  const spelled = name.replace(/[\p{Lu}Đ]{3,}/gu, (acronym) => {
    const key = acronym.toLowerCase().replace(/đ/g, 'd');
    const expansion = ABBREVIATIONS[key] ?? CITIZEN_SYNONYMS[key];
    if (!expansion || !expansion.includes(' ')) return acronym;
    changed = true;
    return expansion;
  });
  return changed ? spelled : null;
}
