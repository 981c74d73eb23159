/**
 * Which of the offered procedures a follow-up points at through its record's own words: after
 * "đăng ký kết hôn với người nước ngoài" lists two procedures, "giấy xác nhận của tổ chức y tế
 * có bắt buộc không" asks about a document only one of them lists. Pairs of adjacent words
 * count (single words match by chance, above all without diacritics); a pair counts for an
 * option when its record has it and no other option's does, and when it is not made of the
 * options' name words (those were already weighed by name) nor of the submission channels'
 * words ("nộp trực tiếp": every record has channels, whether or not its passages spell them).
 * A message typed with diacritics is read with them: "sổ mới" is not "số mới".
 */
import { CHANNEL_LABELS, type Procedure } from '../../knowledge/schema.ts';
import { hasDiacritics, syllables } from '../../knowledge/language/normalize.ts';
import { adjacentPairs, recordPassages, wordsOf } from '../compose/passages.ts';
import type { Token } from '../../knowledge/language/message-tokens.ts';

/** Pairs the message must share with one option alone. */
const MIN_OWN_PAIRS = 2;

/** How a message asks to submit, in both readings: the channels' words and "nộp", "qua". */
const CHANNEL_WORDS = new Set([...Object.values(CHANNEL_LABELS), 'nộp', 'qua'].flatMap((text) => [...wordsOf(text), ...syllables(text)]));

function recordPairs(procedure: Procedure, read: (text: string) => string[]): Set<string> {
  return new Set(recordPassages(procedure).flatMap((passage) => adjacentPairs(read(passage.text))));
}

/**
 * The one option the message's words point at in its record, or null when none or several do.
 * `unasked`: the message's words that are not its question ("thời hạn", "bao lâu" ask; "thời hạn
 * giấy phép bao lâu" points at no record by "thời hạn"): a pair counts only of those.
 */
export function choiceByRecord(options: readonly Procedure[], message: string, unasked: readonly Token[]): Procedure | null {
  if (options.length < 2) return null;
  const accented = hasDiacritics(message);
  const read = accented ? syllables : wordsOf;
  const unaskedWords = new Set(unasked.flatMap((token) => read(accented ? token.raw : token.folded)));
  const nameWords = new Set(options.flatMap((p) => read(p.name)));
  const asked = [...new Set(adjacentPairs(read(message)))].filter((pair) => {
    const words = pair.split(' ');
    return words.every((w) => unaskedWords.has(w)) && !words.every((w) => nameWords.has(w)) && !words.every((w) => CHANNEL_WORDS.has(w));
  });
  if (asked.length < MIN_OWN_PAIRS) return null;
  const records = options.map((option) => recordPairs(option, read));
  const own = records.map((pairs, i) => asked.filter((pair) => pairs.has(pair) && records.every((other, j) => j === i || !other.has(pair))).length);
  const pointed = own.map((n, i) => ({ n, i })).filter((o) => o.n > 0);
  return pointed.length === 1 && pointed[0]!.n >= MIN_OWN_PAIRS ? options[pointed[0]!.i]! : null;
}
