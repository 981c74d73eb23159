/**
 * "Có cần mang CCCD không" about the procedure under discussion asks whether that paper goes with
 * the dossier — a question about its documents — not for the identity card's issue, which the
 * paper's name alone would find. A paper is brought when the message asks whether it must be
 * carried, shown or copied (PAPER_BRINGING of the facet rules: "cần mang", "đem theo", "xuất
 * trình", "nộp kèm" …). Typed with accents, "mạng" (online) is no bringing: a rule's unaccented
 * "mang" takes any accents.
 */
import { PhraseMatcher, rulesFrom } from '../../knowledge/language/phrase-matcher.ts';
import type { Classification } from '../intents/classify.ts';
import { PAPER_BRINGING } from '../intents/facet-rules.ts';

const BRINGING = new PhraseMatcher(rulesFrom({ bringing: PAPER_BRINGING }));

/** The message asks whether a paper must be brought, shown or copied. */
export function asksToBringPaper(words: Classification): boolean {
  const tokens = words.analysis.tokens;
  return !tokens.some((token) => token.raw === 'mạng') && BRINGING.match(tokens).length > 0;
}
