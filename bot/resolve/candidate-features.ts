/**
 * What the resolver knows about each retrieval hit, as numbers: where the retriever ranked it
 * and by how much, how much of the message its name accounts for (name-match.ts), and the
 * checks that tell near-twins apart (the action asked, a stated age, a foreign element). The
 * decision model (decision-model.ts) reads these to say how likely each hit is the procedure the
 * citizen means; `npm run train:decision` learns its weights from the same features.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { actionQuestion, nameActions, questionAsksFor } from '../../knowledge/language/name-actions.ts';
import { ageLimitOf, agesIn, excludesStatedAge } from '../../knowledge/language/age-limits.ts';
import { synonymRewrites } from '../../knowledge/language/citizen-phrases.ts';
import { FOREIGN_ELEMENT } from '../../knowledge/language/vocabulary.ts';
import { foldedKey } from '../../knowledge/language/normalize.ts';
import type { NameMatch } from './name-match.ts';
import { questionSentence, withoutStepsDone } from '../../knowledge/language/question-sentence.ts';

export const FEATURE_NAMES = [
  'relativeScore',
  'leadOverNext',
  'behindPrevious',
  'isFirst',
  'logRank',
  'recall',
  'nameFit',
  'distinctive',
  'cohesive',
  'namesIt',
  'curated',
  'asksItsAction',
  'ageExcluded',
  'logTopicLength',
  'logTopScore',
  'recallBehindBest',
  'nameFitBehindBest',
  'foreignUnsaid',
  'foreignMissing',
  'ruleFit',
  'ruleLead',
  'namedOutright',
  'nameFitLead',
  'firstNamedOutright',
  'firstNameFit',
  'firstLead',
  'scoreByNameFit',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface ScoredHit {
  procedure: Procedure;
  score: number;
  match: NameMatch;
  /** The name-match gate (procedure-resolver.ts `namesIt`). */
  namesIt: boolean;
}

export interface QuestionFacts {
  /** The retrieval query (the topic, accents kept). */
  query: string;
  /** Topic words. */
  topicLength: number;
  /** The message as typed, sentences kept (its last sentence is what is asked). */
  typed?: string;
}

const FOREIGN = foldedKey(FOREIGN_ELEMENT.expansion);

function saysForeign(procedure: Procedure): boolean {
  const name = foldedKey(procedure.name);
  return name.includes('nuoc ngoai') || name.includes(FOREIGN);
}

/** Scores closer than this share of the top score are a tie. */
export const TIE_SHARE = 0.005;

/** One feature vector per hit, in FEATURE_NAMES order. */
export function candidateFeatures(hits: readonly ScoredHit[], facts: QuestionFacts): number[][] {
  if (hits.length === 0) return [];
  const top = Math.max(...hits.map((h) => h.score), Number.EPSILON);
  const bestRecall = Math.max(...hits.map((h) => h.match.recall));
  const bestFit = Math.max(...hits.map((h) => h.match.nameFit));
  const asked = actionQuestion(facts.query);
  const ages = agesIn(facts.query);
  const foreignAsked = synonymRewrites(facts.query).some((text) => foldedKey(text).includes(FOREIGN)) || foldedKey(facts.query).includes('nuoc ngoai');
  // The action asked in the message's words or in the catalog's words its citizen phrases stand
  // for ("tên trong giấy khai sinh bị ghi sai" asks for a "cải chính") — in the question, not in a
  // step told as done ("đã đổi tên trong giấy khai sinh rồi. Giờ cần cập nhật … cư trú").
  const asking = facts.typed === undefined ? facts.query : questionSentence(withoutStepsDone(facts.typed));
  const questions = [asked, ...synonymRewrites(asking, facts.typed ?? facts.query).map(actionQuestion)];
  const asks = (action: string) => questions.some((question) => questionAsksFor(question, action));
  const asksItsAction = hits.map((hit) => nameActions(hit.procedure.name).some(asks));
  // The hand-written rule the model replaces, as evidence: among hits whose name the message
  // says (namesIt), retriever rank and name fit combined, with the curated and asked-action bonuses.
  const ruleFits = hits.map((hit, i) => {
    if (!hit.namesIt) return 0;
    const curated = hit.procedure.origin === 'bundled' && hit.match.recall >= bestRecall - 0.05 ? 0.08 : 0;
    const action = asksItsAction[i] ? 0.06 : 0;
    return 0.4 * (Math.max(0, hit.score) / top) + 0.2 * hit.match.recall + 0.4 * hit.match.nameFit + curated + action;
  });
  // Hits whose scores tie are in no order: a hit's rank counts only the hits clearly ahead.
  const tie = TIE_SHARE * top;
  const ahead = hits.map((hit) => hits.filter((other) => other.score - hit.score > tie).length);
  const tied = hits.map((hit, i) => hits.some((other, j) => j !== i && Math.abs(other.score - hit.score) <= tie));
  return hits.map((hit, i) => {
    const leads = ahead[i] === 0 && !tied[i];
    const otherRuleFit = Math.max(0, ...ruleFits.filter((_, j) => j !== i));
    const otherNameFit = Math.max(0, ...hits.filter((_, j) => j !== i).map((h) => h.match.nameFit));
    const next = hits[i + 1];
    const previous = hits[i - 1];
    const foreign = saysForeign(hit.procedure);
    const values: Record<FeatureName, number> = {
      relativeScore: Math.max(0, hit.score) / top,
      leadOverNext: next ? (hit.score - next.score) / top : 1,
      behindPrevious: previous ? (previous.score - hit.score) / top : 0,
      isFirst: leads ? 1 : 0,
      logRank: Math.log(1 + ahead[i]!),
      recall: hit.match.recall,
      nameFit: hit.match.nameFit,
      distinctive: hit.match.distinctive ? 1 : 0,
      cohesive: hit.match.cohesive ? 1 : 0,
      namesIt: hit.namesIt ? 1 : 0,
      curated: hit.procedure.origin === 'bundled' ? 1 : 0,
      asksItsAction: asksItsAction[i] ? 1 : 0,
      ageExcluded: excludesStatedAge(ageLimitOf(hit.procedure.name), ages) ? 1 : 0,
      logTopicLength: Math.log(1 + facts.topicLength),
      logTopScore: Math.log(1 + top),
      recallBehindBest: bestRecall - hit.match.recall,
      nameFitBehindBest: bestFit - hit.match.nameFit,
      foreignUnsaid: foreign && !foreignAsked ? 1 : 0,
      foreignMissing: foreignAsked && !foreign ? 1 : 0,
      ruleFit: ruleFits[i]!,
      ruleLead: ruleFits[i]! - otherRuleFit,
      namedOutright: hit.namesIt && hit.match.nameFit >= 0.85 && hit.match.recall >= 0.75 ? 1 : 0,
      nameFitLead: hit.match.nameFit - otherNameFit,
      // Interactions a linear model cannot form itself: the first hit, named outright and ahead.
      firstNamedOutright: 0,
      firstNameFit: leads ? hit.match.nameFit : 0,
      firstLead: leads && next ? (hit.score - next.score) / top : 0,
      scoreByNameFit: (Math.max(0, hit.score) / top) * hit.match.nameFit,
    };
    values.firstNamedOutright = leads ? values.namedOutright : 0;
    return FEATURE_NAMES.map((name) => values[name]);
  });
}
