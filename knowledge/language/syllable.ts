/**
 * Folded Vietnamese syllables: is this a possible syllable, repair of Telex leftovers typed
 * without an input method ("phis" → "phi", "khoong" → "khong"), and a small edit distance for
 * typo-tolerant matching.
 */

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
/** Vowel clusters as they look once folded (ươ → uo, iê → ie …). */
const NUCLEUS_OPEN =
  '(?:uye|uya|uyu|uoi|uou|ieu|yeu|oai|oay|uai|uay|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ui|uu|uy|ya|a|e|i|o|u|y)';
/** Clusters that may take a final consonant. */
const NUCLEUS_CLOSED = '(?:uye|oa|oe|ie|uo|ua|ue|oo|uy|ye|a|e|i|o|u|y)';
const CODA = '(?:ch|ng|nh|[cmnpt])';

const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEUS_CLOSED}${CODA}|${NUCLEUS_OPEN})$`);

/** True for a folded token that can be a Vietnamese syllable (digits count as valid). */
export function isPossibleSyllable(folded: string): boolean {
  if (/^[0-9]+$/.test(folded)) return true;
  return SYLLABLE.test(folded);
}

/**
 * Undo Telex keystrokes left in text typed without an input method: a trailing tone key
 * (s f r x j), doubled vowels for circumflex (aa ee oo), w for breve/horn, dd for đ.
 * Returns the repaired syllable, or null when no repair gives a possible syllable.
 */
export function repairTelex(folded: string): string | null {
  if (isPossibleSyllable(folded)) return folded;
  const attempts: string[] = [];
  const stripTone = (s: string) => (/[sfrxj]$/.test(s) && s.length > 2 ? s.slice(0, -1) : s);
  const collapse = (s: string) =>
    s.replace(/^dd/, 'd').replace(/aa/g, 'a').replace(/ee/g, 'e').replace(/oo(?!ng)/g, 'o').replace(/([uoa])w/g, '$1').replace(/w/g, 'u');
  attempts.push(stripTone(folded), collapse(folded), stripTone(collapse(folded)), collapse(stripTone(folded)));
  // A tone key typed mid-word ("nhieeus" is handled above; "hoof" → "ho").
  for (const candidate of attempts) if (candidate !== folded && isPossibleSyllable(candidate)) return candidate;
  return null;
}

/** Damerau–Levenshtein (optimal string alignment) distance, capped: returns cap+1 once above cap. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
  }
  return Math.min(d[rows - 1]![cols - 1]!, cap + 1);
}

/**
 * Whether a typed token may stand for a known word with one typo. Short words are never
 * fuzzed (too many real words lie one edit apart: phi / thi / phai).
 */
export function isTypoOf(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (typed.length < 4 || known.length < 4) return false;
  if (typed[0] !== known[0]) return false;
  return editDistance(typed, known, 1) <= 1;
}
