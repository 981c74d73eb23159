/**
 * Finds the xã/phường a citizen names in a message among the overlay's commune names, with or
 * without diacritics, on syllable boundaries: "em ở phường Bến Nghé", "xa tan thanh", "p. Bến
 * Nghé", or the bare name when it has two syllables or more ("ở Bến Nghé"). A syllable typed
 * with diacritics must carry the name's ("Bến Nghệ" is not Bến Nghé). A name met only bare that
 * fits several communes ("Tân Thành": a xã and a phường) names none.
 */
import { foldDiacritics, foldedKey, normalizeVietnamese } from '../language/normalize.ts';

export interface CommuneMention {
  /** The commune's name as the overlay spells it. */
  commune: string;
  /** Where the mention is in the message (UTF-16 offsets), to read the rest without it. */
  start: number;
  end: number;
}

/** The kinds a commune's name starts with, folded, and how citizens shorten them. */
const KINDS: ReadonlyArray<readonly [string[], string[][]]> = [
  [['xa'], [['x']]],
  [['phuong'], [['p'], ['f']]],
  [['thi', 'tran'], [['tt']]],
  [['dac', 'khu'], [['dk']]],
];

interface Pattern {
  commune: string;
  /** Syllable sequences that name it (folded, and as written); `bare` marks the name without its kind. */
  forms: Array<{ syllables: string[]; accented: Array<string | null>; bare: boolean }>;
}

const cache = new WeakMap<readonly string[], Pattern[]>();

const syllablesOf = (text: string): string[] => [...(foldedKey(text).match(/[\p{L}\p{N}]+/gu) ?? [])];
const accentedOf = (text: string): string[] => [...(normalizeVietnamese(text).match(/[\p{L}\p{N}]+/gu) ?? [])];

function patternsOf(names: readonly string[]): Pattern[] {
  const cached = cache.get(names);
  if (cached) return cached;
  const patterns = names.map((commune): Pattern => {
    const full = syllablesOf(commune);
    const written = accentedOf(commune);
    const kind = KINDS.find(([words]) => words.every((w, i) => full[i] === w));
    const forms = [{ syllables: full, accented: written as Array<string | null>, bare: false }];
    if (kind) {
      const name = full.slice(kind[0].length);
      const nameWritten = written.slice(kind[0].length);
      for (const short of kind[1]) forms.push({ syllables: [...short, ...name], accented: [...short.map(() => null), ...nameWritten], bare: false });
      // A bare name must be distinctive: two syllables or more, not a number ("Phường 1").
      if (name.length >= 2 && !name.every((s) => /^\d+$/.test(s))) forms.push({ syllables: name, accented: nameWritten, bare: true });
    }
    return { commune, forms };
  });
  cache.set(names, patterns);
  return patterns;
}

export function findCommune(text: string, names: readonly string[]): CommuneMention | null {
  if (names.length === 0 || !text.trim()) return null;
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => {
    const accented = normalizeVietnamese(m[0]);
    return { folded: foldDiacritics(accented), accented: foldDiacritics(accented) === accented ? null : accented, start: m.index, end: m.index + m[0].length };
  });
  const same = (token: (typeof tokens)[number], folded: string, accented: string | null | undefined) =>
    token.folded === folded && (token.accented === null || accented === null || accented === undefined || token.accented === accented);
  const found: Array<CommuneMention & { bare: boolean; length: number }> = [];
  for (const pattern of patternsOf(names)) {
    for (const form of pattern.forms) {
      const n = form.syllables.length;
      for (let i = 0; i + n <= tokens.length; i += 1) {
        if (form.syllables.every((s, k) => same(tokens[i + k]!, s, form.accented[k]))) {
          found.push({ commune: pattern.commune, start: tokens[i]!.start, end: tokens[i + n - 1]!.end, bare: form.bare, length: n });
          break;
        }
      }
    }
  }
  if (found.length === 0) return null;
  const named = found.filter((f) => !f.bare);
  const pool = named.length ? named : found;
  const longest = Math.max(...pool.map((f) => f.length));
  const best = pool.filter((f) => f.length === longest);
  if (new Set(best.map((f) => f.commune)).size > 1) return null;
  const { commune, start, end } = best[0]!;
  return { commune, start, end };
}

/** The message without the mention (what is left is read for the question). */
export function withoutMention(text: string, mention: CommuneMention): string {
  return `${text.slice(0, mention.start)} ${text.slice(mention.end)}`.replace(/\s+/gu, ' ').trim();
}
