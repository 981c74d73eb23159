/**
 * Which of the offered procedures a follow-up points at through its record's own words: after
 * "đăng ký kết hôn với người nước ngoài" lists two procedures, "giấy xác nhận của tổ chức y tế
 * có bắt buộc không" asks about a document only one of them lists. Pairs of adjacent words
 * count (single words match by chance, above all without diacritics); a pair counts for an
 * option when its record has it and no other option's does, and when it is not made of the
 * options' name words (those were already weighed by name).
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { adjacentPairs, recordPassages, wordsOf } from '../compose/passages.ts';

/** Pairs the message must share with one option alone. */
const MIN_OWN_PAIRS = 2;

function recordPairs(procedure: Procedure): Set<string> {
  return new Set(recordPassages(procedure).flatMap((passage) => adjacentPairs(wordsOf(passage.text))));
}

/** The one option the message's words point at in its record, or null when none or several do. */
export function choiceByRecord(options: readonly Procedure[], message: string): Procedure | null {
  if (options.length < 2) return null;
  const nameWords = new Set(options.flatMap((p) => wordsOf(p.name)));
  const asked = [...new Set(adjacentPairs(wordsOf(message)))].filter((pair) => !pair.split(' ').every((w) => nameWords.has(w)));
  if (asked.length < MIN_OWN_PAIRS) return null;
  const records = options.map(recordPairs);
  const own = records.map((pairs, i) => asked.filter((pair) => pairs.has(pair) && records.every((other, j) => j === i || !other.has(pair))).length);
  const pointed = own.map((n, i) => ({ n, i })).filter((o) => o.n > 0);
  return pointed.length === 1 && pointed[0]!.n >= MIN_OWN_PAIRS ? options[pointed[0]!.i]! : null;
}
