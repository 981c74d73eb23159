/**
 * "Có cần mang CCCD không" about the procedure under discussion asks whether that paper goes with
 * the dossier — a question about its documents — not for the identity card's issue, which the
 * paper's name alone would find. A paper is brought when the message asks whether it must be
 * carried, shown or copied: "cần/phải mang (theo)", "đem theo", "cầm theo", "xuất trình",
 * "photo", "nộp kèm". Typed with accents, "mạng" (online) is no bringing.
 */
import type { Classification } from '../intents/classify.ts';

/** Folded phrases, each followed by the paper: what the message asks to bring. */
const BRINGING = [/ (?:can|phai) (?:mang|dem|cam)(?: theo)? /, / (?:mang|dem|cam) theo /, / xuat trinh /, / (?:can|phai) photo /, / nop kem /];

/** The message asks whether a paper must be brought, shown or copied. */
export function asksToBringPaper(words: Classification): boolean {
  const tokens = words.analysis.tokens;
  if (tokens.some((token) => token.raw === 'mạng')) return false;
  const folded = ` ${tokens.map((token) => token.folded).join(' ')} `;
  return BRINGING.some((phrase) => phrase.test(folded));
}
