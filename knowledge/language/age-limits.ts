/**
 * Procedures split by age ("Cấp thẻ căn cước cho người dưới 14 tuổi" / "… từ đủ 14 tuổi trở
 * lên", "… trẻ em dưới 6 tuổi"): a question that gives an age ("làm căn cước cho con 10 tuổi")
 * is not about the procedure whose age limit excludes it, however alike the names read.
 */
import { foldedPhrase } from './normalize.ts';

export interface AgeLimit {
  /** Youngest age included. */
  from: number;
  /** First age no longer included. */
  below: number;
}

/** Words before or after "N tuổi" that make it a limit ("dưới 14 tuổi", "từ đủ 14 tuổi trở lên"), not an age. */
const LIMIT_BEFORE = /(?:duoi|tren|du|tu|qua|ngoai|den) $/;
const LIMIT_AFTER = /^ tro (?:len|xuong)/;

/** Ages a question states ("10 tuổi", "con 5 tuoi") — not the limits it quotes ("dưới 14 tuổi"). */
export function agesIn(question: string): number[] {
  const text = foldedPhrase(question);
  return [...text.matchAll(/ (\d{1,3}) tuoi(?= )/g)]
    .filter((match) => !LIMIT_BEFORE.test(text.slice(0, match.index + 1)) && !LIMIT_AFTER.test(text.slice(match.index + match[0].length)))
    .map((match) => Number(match[1]));
}

/** The age limit a procedure name sets, or null. */
export function ageLimitOf(name: string): AgeLimit | null {
  const text = foldedPhrase(name);
  const between = / tu (?:du )?(\d{1,3}) tuoi den (?:duoi |chua du )?(\d{1,3}) tuoi /.exec(text);
  if (between) return { from: Number(between[1]), below: Number(between[2]) };
  const under = / (?:duoi|chua du) (\d{1,3}) tuoi /.exec(text);
  const over = / (?:tu )?(?:du )?(\d{1,3}) tuoi tro len /.exec(text);
  if (!under && !over) return null;
  return { from: over ? Number(over[1]) : 0, below: under ? Number(under[1]) : Infinity };
}

/** True when the question states ages and none of them falls within the limit. */
export function excludesStatedAge(limit: AgeLimit | null, ages: readonly number[]): boolean {
  if (!limit || ages.length === 0) return false;
  return !ages.some((age) => age >= limit.from && age < limit.below);
}
