/**
 * Citizen vocabulary → the catalog's wording (vocabulary/citizen-phrases.json). A question that
 * says "sổ đỏ" is about "giấy chứng nhận quyền sử dụng đất"; "tiền án tiền sự" is "lý lịch tư
 * pháp". Keys are folded phrases matched on syllable boundaries; the expansion is added to the
 * query (the original words stay). Add a line to the JSON when citizens' words miss a procedure.
 */
import { foldDiacritics, foldedKey, normalizeVietnamese } from './normalize.ts';
import { CITIZEN_SYNONYMS, CONTEXTUAL_PHRASES, FOREIGN_ELEMENT, KINDS } from './vocabulary.ts';

export { CITIZEN_SYNONYMS };

/**
 * Citizen phrases that mean something only in a context. A foreigner, a foreign nationality or
 * a country named in a civil-status matter (birth, marriage, death, adoption…) makes it one "có
 * yếu tố nước ngoài"; in a visa or residence question the same words mean nothing of the kind.
 * "Sang tên" is a transfer of land-use rights when the message names land, a change of a
 * vehicle's owner when it names a vehicle (vocabulary/kinds.json). "Ghi sai" of a birth record
 * asks for its correction (vocabulary/contextual-phrases.json).
 */
export const CONTEXTUAL_SYNONYMS: ReadonlyArray<{ key: string; expansion: string; context: readonly string[] }> = [
  ...FOREIGN_ELEMENT.phrases.map((key) => ({ key, expansion: FOREIGN_ELEMENT.expansion, context: FOREIGN_ELEMENT.context })),
  // Phrases of a matter ("ghi sai" of a birth record: its correction; vocabulary/contextual-phrases.json).
  ...CONTEXTUAL_PHRASES.flatMap((group) => Object.entries(group.phrases).map(([key, expansion]) => ({ key, expansion, context: group.context }))),
  // What a phrase means for a kind of object the message names ("sang tên" of land, of a vehicle).
  ...Object.values(KINDS).flatMap((kinds) =>
    Object.values(kinds).flatMap((kind) => Object.entries(kind.phrases).map(([key, expansion]) => ({ key, expansion, context: kind.message }))),
  ),
];

/** Folded as the message is ("ky" reads "ki", "my" "mi"), so a key with a y matches at all. */
const asMessageIs = (phrase: string) => foldedKey(phrase);

/** Contexts folded once each, shared by their phrases (the look per context below keys on the array). */
const foldedContexts = new Map<readonly string[], readonly string[]>();
const foldedContext = (context: readonly string[]) => {
  if (!foldedContexts.has(context)) foldedContexts.set(context, context.map(asMessageIs));
  return foldedContexts.get(context)!;
};

const KEYS = [
  ...Object.entries(CITIZEN_SYNONYMS).map(([key, expansion]) => ({ key, expansion, context: [] as readonly string[] })),
  ...CONTEXTUAL_SYNONYMS,
].map((entry) => ({ ...entry, context: foldedContext(entry.context), syllables: asMessageIs(entry.key).split(' ') }));

/** Whether the phrase's syllables stand in `words` from position `at`. */
function phraseAt(words: readonly string[], syllables: readonly string[], at: number): boolean {
  return syllables.every((s, j) => words[at + j] === s);
}

/**
 * The text once per citizen phrase found in it (folded, syllable-aligned), with that phrase
 * replaced by its catalog wording — so the words around it pair with the catalog's words too:
 * "mất sổ bảo hiểm xã hội" also reads "mất sổ BHXH", which has the pair "sổ BHXH". `contextOf`: the
 * message a part of it is read in, whose words say the contexts of contextual phrases.
 */
export function synonymRewrites(text: string, contextOf: string = text): string[] {
  const words = wordsOf(text);
  return phrasesIn(words, contextOf === text ? words : wordsOf(contextOf)).map(({ start, end, expansion }) => [...words.slice(0, start), expansion, ...words.slice(end)].join(' '));
}

/**
 * The catalog's wording of the contextual phrases a message says in their context ("mới đóng"
 * of a boat: "… lần đầu đối với phương tiện chưa khai thác"): narrower than every citizen phrase,
 * what such a phrase says of a procedure may stand for the message's own words.
 */
export function contextualWordings(text: string): string[] {
  const words = wordsOf(text);
  return phrasesIn(words, words)
    .filter((match) => match.context.length > 0)
    .map((match) => match.expansion);
}

const wordsOf = (text: string) => foldDiacritics(normalizeVietnamese(text)).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The citizen phrases found in `words`, a contextual one only where `contextWords` say its context. */
function phrasesIn(words: readonly string[], contextWords: readonly string[]) {
  const padded = ` ${contextWords.join(' ')} `;
  const matches: Array<{ start: number; end: number; expansion: string; context: readonly string[] }> = [];
  const contextSaid = new Map<readonly string[], boolean>(); // one look per context, not per phrase
  const says = (context: readonly string[]) => {
    if (!contextSaid.has(context)) contextSaid.set(context, context.some((phrase) => padded.includes(` ${phrase} `)));
    return contextSaid.get(context)!;
  };
  for (const { syllables, expansion, context } of KEYS) {
    if (context.length > 0 && !says(context)) continue;
    for (let i = 0; i + syllables.length <= words.length; i++) {
      if (phraseAt(words, syllables, i)) {
        matches.push({ start: i, end: i + syllables.length, expansion, context });
        break;
      }
    }
  }
  // A phrase inside a longer one found at the same place ("nhận con" in "nhận con nuôi") is not read on its own.
  const inside = (a: (typeof matches)[number], b: (typeof matches)[number]) => a !== b && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  return matches.filter((match) => !matches.some((other) => inside(match, other)));
}

/**
 * Where citizen phrases of two syllables or more stand in a message's folded words, as
 * [start, end) spans: their words are the topic ("tiền rách", "tiền án"), not the facet words
 * they contain ("tiền" alone asks about a fee).
 */
export function citizenPhraseSpans(folded: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const { syllables } of KEYS) {
    if (syllables.length < 2) continue;
    for (let i = 0; i + syllables.length <= folded.length; i++) if (phraseAt(folded, syllables, i)) spans.push([i, i + syllables.length]);
  }
  return spans;
}
