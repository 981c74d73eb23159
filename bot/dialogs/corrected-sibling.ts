/**
 * A correction that changes one detail of the procedure under discussion: "à không, … tức là 2
 * thành viên" after "thành lập công ty TNHH một thành viên" is the two-member company. Among the
 * procedures found for the current one's name, the one whose own words (the distinctive words the
 * current name lacks) the correction says most of, and no other sibling as much.
 */
import { foldedKey, syllables } from '../../knowledge/language/normalize.ts';
import { wordSayer } from '../../knowledge/language/said-words.ts';
import { synonymRewrites } from '../../knowledge/language/citizen-phrases.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import type { ProcedureSource } from '../deps.ts';
import type { ProcedureRetriever } from '../../indexer/retriever.ts';
import { vocabularyOf } from '../resolve/name-match.ts';

/** Siblings looked at: the hits for the current procedure's name. */
const SIBLINGS = 8;
/** Share of a sibling's own distinctive words the correction must say. */
const MIN_SHARE = 0.3;

/** The message's syllables as typed, and the catalog's wording of its citizen phrases ("2 thành viên" → "hai thành viên"). */
function saidIn(text: string): string[] {
  const folded = new Set(syllables(foldedKey(text)));
  const read = synonymRewrites(text).flatMap((rewrite) => syllables(rewrite).filter((w) => !folded.has(w)));
  return [...syllables(text), ...read];
}

/** The sibling the correction names by its own words, or null. */
export async function correctedSibling(
  text: string,
  current: Procedure,
  deps: { retriever: ProcedureRetriever; catalog: ProcedureSource },
): Promise<Procedure | null> {
  const said = saidIn(text);
  const hits = await deps.retriever.search(current.name, { limit: SIBLINGS });
  const vocabulary = vocabularyOf(deps.catalog);
  const sayer = wordSayer(said);
  const currentWords = new Set(syllables(current.name));
  // A name's word is said as it is spelt ("cổ" is not "có"), or typed without accents when its
  // folded form is rare among names (folded "co" may be any of several words).
  const says = (word: string) => sayer(word, (folded) => vocabulary.isDistinctive(folded));
  const scored = hits
    .filter((hit) => hit.procedure.code !== current.code && !hit.variants.includes(current.code))
    .map((hit) => {
      const own = [...new Set(syllables(hit.procedure.name))].filter((w) => !currentWords.has(w) && vocabulary.isDistinctive(foldedKey(w)));
      const saidOwn = own.filter(says).length;
      return { procedure: hit.procedure, share: own.length > 0 ? saidOwn / own.length : 0 };
    })
    .sort((a, b) => b.share - a.share);
  const [first, second] = scored;
  // A detail changed, not another long story: much of what sets the sibling apart is said.
  if (!first || first.share < MIN_SHARE || (second && second.share === first.share)) return null;
  return first.procedure;
}
