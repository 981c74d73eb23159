/**
 * The understanding step: read the words, the clicked payload and the state, and resolve the
 * topic against the catalog — everything the route selectors need.
 */
import type { ConversationState } from '../conversation/conversation-state.ts';
import type { TurnDeps } from '../deps.ts';
import { asksHandoff, classify, resolveInputOf, topicWeight, type Classification } from '../intents/classify.ts';
import { parsePayload } from '../replies.ts';
import { actionQuestionsOf, nameActions, nameObject, questionAsksFor, saysNameObject, saysOfName } from '../../knowledge/language/name-actions.ts';
import { declaresAny, leviesAsked } from '../../knowledge/language/levies.ts';
import { contextualWordings } from '../../knowledge/language/citizen-phrases.ts';
import { foldedPhrase } from '../../knowledge/language/normalize.ts';
import { kindClash, kindsOfName } from '../../knowledge/language/kinds.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { vocabularyOf } from '../resolve/name-match.ts';
import { correctedSibling } from './corrected-sibling.ts';
import { asksToBringPaper } from './paper-brought.ts';
import { askedAfterDoneStep } from './done-step.ts';
import { isSameOrTwin, namesOtherOutright, resolveProcedure, type Candidate, type Resolution } from '../resolve/procedure-resolver.ts';
import { findCommune, withoutMention } from '../../knowledge/local/commune-match.ts';
import type { Turn, Understanding } from '../turn-context.ts';

/** The text to read: the message, or a quick reply's payload that is itself a question. */
export function effectiveText(turn: Turn): string {
  const payload = parsePayload(turn.payload);
  if (!payload && turn.payload?.trim()) return turn.payload.trim();
  return turn.text ?? '';
}

export async function understand(turn: Turn, state: ConversationState, deps: TurnDeps): Promise<Understanding> {
  const payload = parsePayload(turn.payload);
  // A xã/phường the local data knows is noted and taken out of the question: its name is a place, not a topic.
  const said = payload ? turn.text ?? '' : effectiveText(turn);
  const mention = findCommune(said, deps.catalog.communes?.() ?? []);
  const text = mention ? withoutMention(said, mention) : said;
  const words = classify(text);
  const current = state.procedure ? deps.catalog.get(state.procedure.code) ?? null : null;
  let resolution: Resolution = { kind: 'none', reason: 'no_topic' };
  // A paper asked to be brought for the procedure under discussion is one of its documents.
  if (!payload && !asksHandoff(words) && words.topicCore.length > 0 && !(current && asksToBringPaper(words))) {
    resolution = await resolveProcedure(resolveInputOf(words), deps);
    if (words.correction && current && resolution.kind !== 'confident') resolution = await corrected(text, words, current, resolution, deps);
    else if (current) resolution = await onCurrentObject(text, words, current, levyDeclared(text, words, current, await afterDoneStep(text, current, resolution, deps)), deps);
  }
  return { words, payload, resolution, current, commune: mention?.commune ?? null };
}

/**
 * A correction ("à không, …") that names nothing clearly by itself: a sibling of the procedure under
 * discussion whose own words it says ("tức là 2 thành viên" after the one-member company), else
 * what it says applied to what that procedure is about ("ý em là cấp lại" + thẻ căn cước) — unless
 * the correction names its own procedure more surely than with the old one's words ("à nhầm, ý
 * mình là đăng ký tạm trú" after "đăng ký thường trú").
 */
async function corrected(text: string, words: Classification, current: Procedure, resolution: Resolution, deps: TurnDeps): Promise<Resolution> {
  const sibling = await correctedSibling(text, current, deps);
  if (sibling) return siblingResolution(sibling, words, deps);
  const together = await resolveProcedure(resolveInputOf(classify(`${text} ${nameObject(current.name)}`)), deps);
  const moved = together.kind === 'confident' ? together.best.procedure.code !== current.code : together.kind === 'ambiguous';
  return moved && firstFit(together) >= firstFit(resolution) ? together : resolution;
}

/**
 * "Báo mất xong thì làm lại hộ chiếu …": with the procedure under discussion said as a step done,
 * the procedure the rest names, when it names one surely.
 */
async function afterDoneStep(text: string, current: Procedure, resolution: Resolution, deps: TurnDeps): Promise<Resolution> {
  const next = askedAfterDoneStep(text, current, deps.catalog);
  if (!next) return resolution;
  const after = await resolveProcedure(resolveInputOf(classify(next)), deps);
  return after.kind === 'confident' && after.best.procedure.code !== current.code ? after : resolution;
}

/**
 * "Phí trước bạ bao nhiêu" about the vehicle's registration: a tax or charge the procedure under
 * discussion does not declare is asked of the procedures that declare it, of those the one whose
 * kind of object is not other than the one under discussion's (not the house's and land's for a
 * vehicle) — not answered with the registration's own fee ("miễn phí").
 */
function levyDeclared(text: string, words: Classification, current: Procedure, resolution: Resolution): Resolution {
  const levies = leviesAsked(text, { asksFee: words.facet === 'fee' });
  const declares = (candidate: Candidate) => declaresAny(levies, candidate.procedure.name);
  if (levies.length === 0 || resolution.kind === 'none' || declaresAny(levies, current.name)) return resolution;
  const found = resolution.kind === 'confident' ? [resolution.best, ...resolution.runnersUp] : resolution.candidates;
  const currentKinds = kindsOfName(current.name);
  const declaring = found.filter(declares);
  const fitting = declaring.filter((candidate) => !kindClash(currentKinds, kindsOfName(candidate.procedure.name)));
  const options = fitting.length > 0 ? fitting : declaring;
  if (options.length === 0) return resolution;
  if (options.length === 1) return { kind: 'confident', best: options[0]!, confidence: options[0]!.fit, runnersUp: found.filter((c) => c !== options[0]), levyAsked: true };
  return { kind: 'ambiguous', candidates: options, levyAsked: true };
}

/**
 * "Làm lại thế nào" about a birth registration: a follow-up that says no other procedure's object
 * — only an action or a state ("làm lại", "cấp lại") — is about the object under discussion. The
 * procedure found for it with that object ("… khai sinh": the re-registration), when one of that
 * object is found; never the reissue of an identity card because "làm lại" alone is a reissue.
 */
async function onCurrentObject(text: string, words: Classification, current: Procedure, resolution: Resolution, deps: TurnDeps): Promise<Resolution> {
  if (resolution.kind === 'none') return resolution.reason === 'no_match' ? ((await siblingSaid(text, words, current, deps)) ?? resolution) : resolution;
  if (resolution.levyAsked) return resolution;
  // A procedure not named outright keeps the one under discussion anyway (isFollowUp).
  if (resolution.kind === 'confident' && !namesOtherOutright(resolution.best, resolution.confidence)) return resolution;
  const found = resolution.kind === 'confident' ? [resolution.best] : resolution.candidates;
  if (found.some((candidate) => isSameOrTwin(candidate, current))) return resolution;
  // A list for words the procedure under discussion, or a sibling of its object, says side by side
  // ("cái ở trong nước" of a passport: not the banks' branches "ở trong nước").
  if (resolution.kind === 'ambiguous') {
    const sibling = await siblingSaid(text, words, current, deps, { orItself: true });
    if (sibling) return sibling;
  }
  const vocabulary = vocabularyOf(deps.catalog);
  const isDistinctive = (syllable: string) => vocabulary.isDistinctive(syllable);
  const said = words.topic.map((token) => token.folded);
  if (found.some((candidate) => saysNameObject(said, candidate.procedure.name, isDistinctive))) return resolution;
  const object = nameObject(current.name);
  const together = await resolveProcedure(resolveInputOf(classify(`${text} ${object}`)), deps);
  // A list found for the words alone leaves the one under discussion only for an action they ask of
  // its object that it does not open with ("cấp lại thì sao" after "cấp đổi thẻ căn cước").
  const asked = actionQuestionsOf(text);
  const asksNew = (name: string) => nameActions(name).some((action) => asked.some((question) => questionAsksFor(question, action)));
  const ofObject = (candidate: Candidate) => saysNameObject(object.split(' '), candidate.procedure.name, isDistinctive);
  // With its object the words may still find a list: the one option opening with the action they
  // ask ("bị mất thì sao" after "cấp đổi giấy phép lái xe": Cấp lại giấy phép lái xe).
  if (together.kind === 'ambiguous' && resolution.kind === 'ambiguous' && !asksNew(current.name)) {
    const asking = together.candidates.filter((candidate) => asksNew(candidate.procedure.name) && ofObject(candidate));
    // Of several, the one whose object is the very one under discussion (not "giấy phép đào tạo lái xe").
    const sameObject = asking.filter((candidate) => nameObject(candidate.procedure.name) === object);
    const chosen = asking.length === 1 ? asking[0] : sameObject.length === 1 ? sameObject[0] : undefined;
    if (chosen) return { kind: 'confident', best: chosen, confidence: chosen.fit, runnersUp: together.candidates.filter((c) => c !== chosen) };
  }
  if (together.kind !== 'confident' || !ofObject(together.best)) return resolution;
  if (resolution.kind === 'confident') return together;
  return asksNew(together.best.procedure.name) && !asksNew(current.name) ? together : resolution;
}

/**
 * The procedure the message's words name with the object under discussion, when its name says
 * two of them side by side as they are said: a sibling ("còn ở nước ngoài thì sao" of a passport
 * issued at home would find "… ở nước ngoài"), or with `orItself` the one under discussion.
 */
async function siblingSaid(text: string, words: Classification, current: Procedure, deps: TurnDeps, options: { orItself?: boolean } = {}): Promise<Resolution | null> {
  if (words.topicCore.length < 2) return null;
  const object = nameObject(current.name);
  const together = await resolveProcedure(resolveInputOf(classify(`${text} ${object}`)), deps);
  if (together.kind !== 'confident' || (!options.orItself && isSameOrTwin(together.best, current))) return null;
  const isDistinctive = (syllable: string) => vocabularyOf(deps.catalog).isDistinctive(syllable);
  const sibling = together.best.procedure;
  return saysNameObject(object.split(' '), sibling.name, isDistinctive) && (saysSibling(words, sibling) || saysInContext(text, object, sibling)) ? together : null;
}

/**
 * A citizen phrase the message says that means something only with the object under discussion,
 * and means what the procedure's name says: "chồng em là người Nhật" of a marriage is "có yếu tố
 * nước ngoài" (vocabulary/foreign-element.json), which the foreign marriage's name says.
 */
function saysInContext(text: string, object: string, procedure: Procedure): boolean {
  const alone = new Set(contextualWordings(text));
  const name = foldedPhrase(procedure.name);
  return contextualWordings(`${text} ${object}`).some((wording) => !alone.has(wording) && name.includes(foldedPhrase(wording)));
}

/** Two or more words of the message said side by side in the procedure's name as in the message. */
function saysSibling(words: Classification, procedure: Procedure): boolean {
  return words.topicCore.length >= 2 && saysOfName(words.topicCore, procedure.name);
}

/** The resolution a correction's sibling makes. */
function siblingResolution(procedure: Procedure, words: Classification, deps: TurnDeps): Resolution {
  const match = vocabularyOf(deps.catalog).match(words.topic, procedure, topicWeight);
  return { kind: 'confident', best: { procedure, score: 0, variants: [], match, fit: CORRECTED_FIT }, confidence: CORRECTED_FIT, runnersUp: [], correctedSibling: true };
}

/** How sure a correction's sibling is: the correction said its own words. */
const CORRECTED_FIT = 0.8;

/** The probability of a resolution's most likely procedure (0 when it found none). */
function firstFit(resolution: Resolution): number {
  if (resolution.kind === 'confident') return resolution.confidence;
  if (resolution.kind === 'ambiguous') return Math.max(...resolution.candidates.map((c) => c.fit));
  return 0;
}
