/**
 * Vietnamese text normalisation: NFC, lowercase, one tone placement (hoà → hòa), and folding
 * (diacritics removed, đ → d) for matching text typed without accents.
 */

/**
 * The same texts — procedure names, record passages, vocabulary — are normalised turn after turn:
 * the results are kept, up to a bound (then the memory starts afresh).
 */
const REMEMBERED_TEXTS = 20_000;
/** Longer texts (a citizen's long message) are computed each time, not kept. */
const REMEMBERED_LENGTH = 1_000;
const NORMALIZED = new Map<string, string>();
const FOLDED = new Map<string, string>();

function remembered(cache: Map<string, string>, text: string, compute: (text: string) => string): string {
  if (text.length > REMEMBERED_LENGTH) return compute(text);
  const known = cache.get(text);
  if (known !== undefined) return known;
  if (cache.size >= REMEMBERED_TEXTS) cache.clear();
  const value = compute(text);
  cache.set(text, value);
  return value;
}

/** Old-style tone placement on the first vowel of oa/oe/uy → new style on the second vowel. */
const TONE_PLACEMENT: Array<[RegExp, string]> = [
  [/òa/g, 'oà'], [/óa/g, 'oá'], [/ỏa/g, 'oả'], [/õa/g, 'oã'], [/ọa/g, 'oạ'],
  [/òe/g, 'oè'], [/óe/g, 'oé'], [/ỏe/g, 'oẻ'], [/õe/g, 'oẽ'], [/ọe/g, 'oẹ'],
  [/ùy/g, 'uỳ'], [/úy/g, 'uý'], [/ủy/g, 'uỷ'], [/ũy/g, 'uỹ'], [/ụy/g, 'uỵ'],
];

/**
 * A syllable whose only vowel is a final y after a consonant is written with i as well, and both
 * spellings are correct: "ký"/"kí", "lý"/"lí", "mỹ"/"mĩ", "sỹ"/"sĩ". One spelling (i) for matching.
 * "quy", "uy", "ay" keep their y (it is not the only vowel there).
 */
const Y_AS_I = /(?<![\p{L}])(b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|r|s|t|th|tr|v|x)([yýỳỷỹỵ])(?![\p{L}])/gu;
const Y_TO_I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/**
 * NFC + lowercase + one canonical tone placement ("hoà", "hòa" → "hoà"; "thuỷ", "thủy" → "thuỷ")
 * + one spelling of i/y ("đăng ký", "đăng kí" → "đăng kí").
 */
export function normalizeVietnamese(text: string): string {
  return remembered(NORMALIZED, text, normalizeUncached);
}

function normalizeUncached(text: string): string {
  let out = text.normalize('NFC').toLowerCase();
  for (const [pattern, replacement] of TONE_PLACEMENT) out = out.replace(pattern, replacement);
  return out.replace(Y_AS_I, (_match, consonant: string, y: string) => `${consonant}${Y_TO_I[y] ?? y}`);
}

/** Removes every diacritic and maps đ → d: "Đăng ký" → "dang ky". */
export function foldDiacritics(text: string): string {
  return remembered(FOLDED, text, foldUncached);
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** normalize + fold: the form used to compare text typed with or without accents. */
export function foldedKey(text: string): string {
  return foldDiacritics(normalizeVietnamese(text));
}

/** True when the text carries at least one Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return foldDiacritics(text) !== text;
}

/** Splits normalised text into syllables (letters and digits), dropping punctuation. */
export function syllables(text: string): string[] {
  return normalizeVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The normalised (accented) syllables, padded like foldedPhrase: `includes(" đất ")` is not "đạt". */
export function accentedPhrase(text: string): string {
  return ` ${syllables(text).join(' ')} `;
}

/**
 * The folded syllables joined by single spaces and padded with one on each side, so a phrase is
 * found on syllable boundaries with `includes(" cap lai ")`.
 */
export function foldedPhrase(text: string): string {
  return ` ${syllables(foldedKey(text)).join(' ')} `;
}
