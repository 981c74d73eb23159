/**
 * Lexical analysis for Vietnamese search terms.
 *
 * Vietnamese writes one syllable per "word" but most words are two syllables ("đăng ký", "hộ
 * chiếu"), so a text becomes: folded syllables (`dang`), folded syllable pairs within a phrase
 * (`dang ky`), and — so that an exact accented match outranks a folded-only one — accented
 * syllable pairs (`~đăng ký`) for pairs that carry a diacritic. Folding (đ → d, tones removed)
 * makes "dang ky ket hon" meet "Đăng ký kết hôn".
 */
import { foldDiacritics, normalizeVietnamese } from './normalize.ts';

/** Phrases: runs of syllables not broken by punctuation, normalised (NFC, lowercase, tones). */
export function phrases(text: string): string[][] {
  return normalizeVietnamese(text)
    .split(/[^\p{L}\p{N}\s/]+/u)
    .map((phrase) => phrase.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((phrase) => phrase.length > 0);
}

export interface SearchTerms {
  /** Folded syllables in text order (with repeats). */
  unigrams: string[];
  /** Folded neighbouring pairs within a phrase, "a b". */
  pairs: string[];
  /** Accented pairs that differ from their folded form, prefixed "~". */
  accentedPairs: string[];
}

export function searchTermsOf(text: string, isStopWord: (folded: string) => boolean = () => false): SearchTerms {
  const unigrams: string[] = [];
  const pairs: string[] = [];
  const accentedPairs: string[] = [];
  for (const phrase of phrases(text)) {
    // Folding keeps syllable boundaries, so one call per phrase (not per syllable) suffices.
    const folded = foldDiacritics(phrase.join(' ')).split(' ');
    for (let i = 0; i < folded.length; i++) {
      if (!isStopWord(folded[i]!)) unigrams.push(folded[i]!);
      if (i + 1 < folded.length) {
        pairs.push(`${folded[i]} ${folded[i + 1]}`);
        const accented = `${phrase[i]} ${phrase[i + 1]}`;
        if (accented !== `${folded[i]} ${folded[i + 1]}`) accentedPairs.push(`~${accented}`);
      }
    }
  }
  return { unigrams, pairs, accentedPairs };
}

/**
 * Every term of a text, for indexing: unigrams and pairs, plus accented pairs when `accented`
 * (for the short fields that name a procedure — in long passages they would only cost memory).
 */
export function indexTerms(text: string, accented = true): string[] {
  const analyzed = searchTermsOf(text);
  return accented ? [...analyzed.unigrams, ...analyzed.pairs, ...analyzed.accentedPairs] : [...analyzed.unigrams, ...analyzed.pairs];
}
