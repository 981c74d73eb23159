/**
 * Words that carry no topic: pronouns, particles, question frames, generic verbs. What is left
 * of a message once these and the intent phrases are gone is its topic — the words that may
 * name a procedure.
 *
 * Accented stop words only match the same accented token. Text typed without accents is
 * ambiguous ("can" = cần / căn, "ban" = bạn / bản, "do" = đó / đỏ), so unaccented tokens are
 * matched against a separate, explicit list of forms that are safe to drop; a looser list adds
 * frame words that are usually, not always, empty ("toi", "lam", "can") — used only to judge
 * whether a message names anything, never to build the retrieval query. The search query has
 * its own frame list (isQueryFrameWord): dropped from its single-syllable terms, while its
 * syllable pairs are kept, so a frame word that is part of a name ("thế chấp") still counts.
 * All lists are data: vocabulary/stop-words.json.
 */
import type { Token } from './message-tokens.ts';
import { STOP_WORDS } from './vocabulary.ts';

const ACCENTED = new Set(STOP_WORDS.accented);
/** Unaccented forms that are never part of a procedure's name. */
const FOLDED_SAFE = new Set(STOP_WORDS.foldedSafe);
/** Unaccented frame words that are usually empty but could belong to a name. */
const FOLDED_LOOSE = new Set(STOP_WORDS.foldedLoose);
/** Compounds with a word that is otherwise a stop word ("trẻ em", "người nước ngoài"). Folded. */
const COMPOUNDS = STOP_WORDS.compounds.map((c) => c.split(' '));
/** Words of the citizen's story (family, when): accented, and the unaccented forms no name reads. */
const STORY_ACCENTED = new Set(STOP_WORDS.storyAccented);
const STORY_FOLDED = new Set(STOP_WORDS.storyFolded);
/** Words that frame a search query without naming anything ("cho tôi hỏi", "bao nhiêu"). */
const QUERY_FRAME = new Set(STOP_WORDS.queryFrame);

/** Phrases that only frame a question however typed ("thu tuc"), though a word alone may name something. Folded. */
const FRAME_COMPOUNDS = STOP_WORDS.frameCompounds.map((c) => c.split(' '));

/**
 * The tokens inside one of the phrases, read left to right, longest first, as a reader splits
 * words: in "ngân hàng không" the bank ("ngân hàng") comes first, so the "không" after it is the
 * question's, not the aviation of "hàng không".
 */
function coveredBy(phrases: readonly string[][], tokens: readonly Token[]): boolean[] {
  const covered = tokens.map(() => false);
  for (let i = 0; i < tokens.length; ) {
    let longest = 0;
    for (const words of phrases) {
      if (words.length > longest && words.every((w, k) => tokens[i + k]?.folded === w)) longest = words.length;
    }
    for (let k = 0; k < longest; k++) covered[i + k] = true;
    i += Math.max(1, longest);
  }
  return covered;
}

const coverCache = new WeakMap<readonly string[][], WeakMap<readonly Token[], boolean[]>>();

function inOneOf(phrases: readonly string[][], tokens: readonly Token[], index: number): boolean {
  let byTokens = coverCache.get(phrases);
  if (!byTokens) coverCache.set(phrases, (byTokens = new WeakMap()));
  let covered = byTokens.get(tokens);
  if (!covered) byTokens.set(tokens, (covered = coveredBy(phrases, tokens)));
  return covered[index] ?? false;
}

/** True when the token at `index` is part of a compound spelled out by the tokens around it. */
export function inCompound(tokens: readonly Token[], index: number): boolean {
  return inOneOf(COMPOUNDS, tokens, index);
}

/** True when the token at `index` is part of a phrase that only frames the question ("thu tuc"). */
export function inFrameCompound(tokens: readonly Token[], index: number): boolean {
  return inOneOf(FRAME_COMPOUNDS, tokens, index);
}

/**
 * True when a token carries no topic. `loose` also drops unaccented frame words that are only
 * usually empty (to judge whether a message names anything at all).
 */
export function isStopWord(token: Token, loose = false): boolean {
  if (ACCENTED.has(token.raw)) return true;
  if (token.raw !== token.folded) return false; // accented, and not an accented stop word
  if (FOLDED_SAFE.has(token.folded)) return true;
  return loose && FOLDED_LOOSE.has(token.folded);
}

/** A folded word that frames a search query without naming anything; its syllable pairs still count. */
export function isQueryFrameWord(folded: string): boolean {
  return QUERY_FRAME.has(folded);
}

/**
 * A word that tells the citizen's story ("ba em mới mất hôm qua", "cho con gái") rather than
 * names a procedure: it stays in the search query but weighs little when judging how much of the
 * message a procedure's name accounts for.
 */
export function isStoryWord(token: Token): boolean {
  if (STORY_ACCENTED.has(token.raw)) return true;
  return token.raw === token.folded && STORY_FOLDED.has(token.folded);
}
