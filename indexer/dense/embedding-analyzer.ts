/**
 * The domain model's text analysis, applied before its WordPiece tokenizer.
 *
 * WordPiece (BERT's pre-tokeniser) only splits on whitespace and punctuation, so it cannot
 * know that "đăng ký" is one word. The domain model therefore embeds a pre-analysed string:
 * each syllable folded (diacritics removed, đ → d) plus each pair of neighbouring syllables
 * within a phrase joined by "_" ("Đăng ký kết hôn" → "dang ky ket hon dang_ky ky_ket ket_hon").
 * Folding makes a question typed without accents embed exactly like the accented one; the
 * pairs carry the meaning single syllables lose ("ban_sao" is "bản sao", not "bán"). With
 * `accented`, the accented forms are added as well.
 *
 * The analyser's id is stored in the model card (embedding-card.json): a model is only ever
 * served with the analysis it was trained with. Bump the version when the analysis changes
 * (/2: i/y spelled one way, ký = kí); a domain model of another version is retrained.
 */
import { foldDiacritics, normalizeVietnamese } from '../../knowledge/language/normalize.ts';

export const ANALYZER_IDS = ['vi-folded-pairs/2', 'vi-accented-pairs/2'] as const;
export type AnalyzerId = (typeof ANALYZER_IDS)[number];

/** The analysis the domain model is trained with by default. */
export const DEFAULT_ANALYZER: AnalyzerId = 'vi-folded-pairs/2';

/** Phrases: runs of syllables not broken by punctuation. */
function phrases(text: string): string[][] {
  return normalizeVietnamese(text)
    .split(/[^\p{L}\p{N}\s]+/u)
    .map((phrase) => phrase.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((phrase) => phrase.length > 0);
}

/** The tokens of `text` under analyser `id`, in text order (syllables, then pairs, per phrase). */
export function analyzeTokens(text: string, id: AnalyzerId = 'vi-folded-pairs/2'): string[] {
  const accented = id === 'vi-accented-pairs/2';
  const tokens: string[] = [];
  for (const phrase of phrases(text)) {
    const folded = phrase.map((syllable) => foldDiacritics(syllable));
    for (let i = 0; i < folded.length; i++) {
      tokens.push(folded[i]!);
      if (accented && phrase[i] !== folded[i]) tokens.push(phrase[i]!);
    }
    for (let i = 0; i + 1 < folded.length; i++) {
      tokens.push(`${folded[i]}_${folded[i + 1]}`);
      if (accented && (phrase[i] !== folded[i] || phrase[i + 1] !== folded[i + 1])) {
        tokens.push(`${phrase[i]}_${phrase[i + 1]}`);
      }
    }
  }
  return tokens;
}

/** The string handed to the tokenizer: tokens joined by spaces. */
export function analyzeForEmbedding(text: string, id: AnalyzerId = 'vi-folded-pairs/2'): string {
  return analyzeTokens(text, id).join(' ');
}

export function isAnalyzerId(value: unknown): value is AnalyzerId {
  return typeof value === 'string' && (ANALYZER_IDS as readonly string[]).includes(value);
}
