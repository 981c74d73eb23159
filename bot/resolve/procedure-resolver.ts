/**
 * Which procedure a message is about: ask the retriever, measure each hit (how much of the
 * message its name says, name-match.ts; the features of candidate-features.ts), and decide once
 * with the learned decision model — one likely and clear procedure (confident), several likely
 * ones (ambiguous: ask with options), or none (the message names no procedure we know).
 */
import type { Level, Procedure } from '../../knowledge/schema.ts';
import type { Token } from '../../knowledge/language/message-tokens.ts';
import type { ProcedureSource, WordingMemory } from '../deps.ts';
import type { ProcedureRetriever, RetrievalHit } from '../../indexer/retriever.ts';
import { BotError } from '../errors.ts';
import { vocabularyOf, type NameMatch } from './name-match.ts';
import { candidateFeatures, type ScoredHit } from './candidate-features.ts';
import { declaresNoneOf, leviesAsked } from '../../knowledge/language/levies.ts';
import { kindClash, kindsInMessage, kindsOfName } from '../../knowledge/language/kinds.ts';
import { isArmedForcesOwn, namesArmedForces } from '../../knowledge/language/armed-forces.ts';
import { ageLimitOf, agesIn, excludesStatedAge } from '../../knowledge/language/age-limits.ts';
import { decide, decisionModel, namedOutrightLeads, probabilities, type DecisionModel } from './decision-model.ts';
import { nameSays, outsideCatalogTopic, type OutsideTopic } from '../../knowledge/language/outside-catalog.ts';
import { saysNameObject } from '../../knowledge/language/name-actions.ts';
import { toldApart } from './told-apart.ts';

export interface Candidate {
  procedure: Procedure;
  /** The retriever's score. */
  score: number;
  variants: string[];
  match: NameMatch;
  /** Probability that this is the procedure meant (decision-model.ts), 0..1. */
  fit: number;
}

export type Resolution =
  | {
      kind: 'none';
      reason: 'no_topic' | 'no_match';
      /** The catalog's names say the message's words ("thuế thì sao"), though no procedure fits surely: not off-topic. */
      namedInCatalog?: boolean;
    }
  /** The message names a matter the catalog does not hold (military service, vaccination…). */
  | { kind: 'none'; reason: 'outside_catalog'; topic: OutsideTopic }
  | {
      kind: 'confident';
      best: Candidate;
      confidence: number;
      runnersUp: Candidate[];
      /** A correction named this sibling of the procedure under discussion by its own words (dialogs/corrected-sibling.ts). */
      correctedSibling?: true;
      /** A follow-up asked a tax or charge the procedure under discussion does not declare: this one declares it (dialogs/understand.ts). */
      levyAsked?: true;
    }
  | { kind: 'ambiguous'; candidates: Candidate[]; levyAsked?: true };

/** Once a matter outside the catalog is set aside as background, a first hit this likely whose object the rest says is what is asked. */
const BACKGROUND_FIT = 0.3;

export const RESOLVER_TUNING = {
  /** Hits asked of the retriever. */
  limit: 8,
  /** A hit names the procedure when the topic's words are at least this much in its name. */
  minRecall: 0.5,
  /** Words matched in different aliases, none adjacent, must cover this much of the topic. */
  scatteredRecall: 0.85,
  /** At most this many options in a clarifying question. */
  maxOptions: 4,
  /** An option the message tells apart from the others is committed from this probability on. */
  toldApartFit: 0.3,
  /**
   * The first option is a clear favourite from this probability on, when it is also this many
   * times as likely as the next: the message need say only one of its own words to tell it apart
   * (set on citizen-questions.jsonl: +20 direct, +2 wrong of 1,786 forms).
   */
  favouriteFit: 0.6,
  favouriteLead: 3,
} as const;

/** The topic names this procedure: most of its words, a distinctive one, and not scattered. */
export function namesIt(match: NameMatch): boolean {
  if (match.recall < RESOLVER_TUNING.minRecall || !match.distinctive) return false;
  return match.cohesive || match.fullWords < 2 || match.recall >= RESOLVER_TUNING.scatteredRecall;
}

export interface ResolveInput {
  /** Topic words (intent phrases and stop words removed). */
  topic: readonly Token[];
  /** Importance of a topic word, 0..1 (frame words that are only usually empty weigh less). */
  weightOf?: (token: Token) => number;
  /** The retrieval query (accented topic). */
  query: string;
  levels: Level[];
  /** The whole message, when there is one: it may name a matter outside the catalog, or a kind of filer or object. */
  message?: string;
  /** The message's words as typed, accented where the citizen typed accents: what tells close options apart. */
  typed?: string;
  /** The message asks about fees: a tax or charge it says is what it asks about (levies.ts). */
  asksFee?: boolean;
}

/**
 * A follow-up moves to another procedure only when it names that one: most of the message's words
 * are in its name, and the message says much of the name or the decision model is all but sure
 * ("xe tải chạy dịch vụ có phải gắn phù hiệu không"). Words that a long name merely contains
 * ("người yêu em thường trú ở tỉnh khác thì đăng ký ở xã nào" is not "giấy thông hành … cho công dân
 * có hộ khẩu thường trú ở tỉnh …") tell more about the procedure under discussion.
 */
export function namesOtherOutright(candidate: Candidate, confidence: number): boolean {
  return namesIt(candidate.match) && (candidate.match.nameFit >= SWITCH_NAME_FIT || confidence >= SWITCH_CONFIDENCE);
}

/** The procedure under discussion, or its twin at another level ("… (cấp xã)" after "… (cấp huyện)"). */
export function isSameOrTwin(candidate: Candidate, current: { code: string }): boolean {
  return candidate.procedure.code === current.code || candidate.variants.includes(current.code);
}

/** How much of the other procedure's name a follow-up must say to move to it… */
const SWITCH_NAME_FIT = 0.45;
/** …or how likely it must be (of held-out questions at p ≥ 0.9, about 98% were right). */
const SWITCH_CONFIDENCE = 0.9;

/** How much of a message the first hit's name must say for the message to be about the catalog's matters. */
const NAMED_IN_CATALOG_RECALL = 0.75;

function isVariantPair(a: Candidate, b: Candidate): boolean {
  return a.variants.includes(b.procedure.code) || b.variants.includes(a.procedure.code);
}

/**
 * A hit whose near-duplicate group holds a bundled record (the curated, citizen-level version)
 * is represented by that record when the citizen named no level.
 */
function preferCurated(hit: RetrievalHit, catalog: ProcedureSource): RetrievalHit {
  if (hit.procedure.origin === 'bundled') return hit;
  const curated = hit.variants.map((code) => catalog.get(code)).find((p) => p?.origin === 'bundled');
  if (!curated) return hit;
  return { ...hit, procedure: curated, variants: [hit.procedure.code, ...hit.variants.filter((code) => code !== curated.code)] };
}

/** The retriever's hits for a message, each with its name match and the decision features. */
export interface RetrievedCandidates {
  hits: Array<ScoredHit & { variants: string[] }>;
  features: number[][];
}

/** The hits the test does not rule out, or all of them when it would rule out every one. */
function ruleOut(hits: RetrievalHit[], ruledOut: (hit: RetrievalHit) => boolean): RetrievalHit[] {
  const kept = hits.filter((hit) => !ruledOut(hit));
  return kept.length > 0 ? kept : hits;
}

export async function retrieveCandidates(input: ResolveInput, deps: { retriever: ProcedureRetriever; catalog: ProcedureSource }): Promise<RetrievedCandidates> {
  if (input.topic.length === 0 || input.query.trim() === '') return { hits: [], features: [] };
  let found: RetrievalHit[];
  try {
    found = await deps.retriever.search(input.query, {
      limit: RESOLVER_TUNING.limit,
      ...(input.levels.length ? { levels: input.levels } : {}),
    });
  } catch (error) {
    throw new BotError('retriever_failed', error instanceof Error ? error.message : String(error), { cause: error });
  }
  // What the message says rules out hits — never every one of them. A stated age rules out the
  // procedures whose age limit excludes it ("con 10 tuổi" is not "từ đủ 14 tuổi trở lên"); a kind
  // of filer or object named ("cty", "miếng đất", "cho bé") the household business's, the
  // vehicle's or the adult's procedure; a tax or charge asked ("lệ phí trước bạ xe máy bao
  // nhiêu") the procedures that do not declare it (the vehicle's registration); a message that
  // names neither the police nor the army their own procedures (their health-insurance cards,
  // their welfare).
  const message = input.message ?? input.query;
  const ages = agesIn(input.query);
  const kinds = kindsInMessage(message);
  const civilian = !namesArmedForces(message);
  found = ruleOut(found, (hit) => excludesStatedAge(ageLimitOf(hit.procedure.name), ages));
  found = ruleOut(found, (hit) => kindClash(kinds, kindsOfName(hit.procedure.name)));
  const levies = leviesAsked(input.typed ?? message, { asksFee: input.asksFee === true });
  if (levies.length > 0) found = ruleOut(found, (hit) => declaresNoneOf(levies, hit.procedure.name));
  if (civilian) found = ruleOut(found, (hit) => isArmedForcesOwn(hit.procedure));
  const vocabulary = vocabularyOf(deps.catalog);
  const hits = found.map((raw) => {
    const hit = input.levels.length > 0 ? raw : preferCurated(raw, deps.catalog);
    const match = vocabulary.match(input.topic, hit.procedure, input.weightOf);
    return { procedure: hit.procedure, score: hit.score, variants: hit.variants, match, namesIt: namesIt(match) };
  });
  return { hits, features: candidateFeatures(hits, { query: input.query, topicLength: input.topic.length, typed: input.typed }) };
}

/**
 * Decide once, from the retrieval evidence: the decision model gives each hit the probability
 * that it is the procedure meant; commit to the first when it is likely and clear of the rest,
 * list the likely ones when it is not, and say "not found" when none is likely.
 */
export async function resolveProcedure(
  input: ResolveInput,
  deps: { retriever: ProcedureRetriever; catalog: ProcedureSource; wordings?: WordingMemory },
  model: DecisionModel = decisionModel(),
): Promise<Resolution> {
  if (input.topic.length === 0 || input.query.trim() === '') return { kind: 'none', reason: 'no_topic' };
  const taught = taughtProcedure(input, deps);
  if (taught) return { kind: 'confident', best: taught, confidence: 1, runnersUp: [] };
  const { hits, features } = await retrieveCandidates(input, deps);
  // A matter the catalog does not hold, unless a procedure found says it in its name.
  const outside = outsideCatalogTopic(input.message ?? input.query);
  if (outside && !hits.some((hit) => nameSays(hit.procedure.name, outside))) {
    // The matter may be only the story's background ("có giấy phép lao động rồi thì làm thẻ tạm
    // trú cần gì"): without its words, a procedure the message names is what is asked.
    const rest = withoutPhrase(input.topic, outside.phrase);
    if (rest.length > 0 && rest.length < input.topic.length) {
      const reduced = await resolveProcedure({ ...input, topic: rest, query: rest.map((t) => t.raw).join(' '), message: undefined }, deps, model);
      const first = reduced.kind === 'ambiguous' ? reduced.candidates[0]! : reduced.kind === 'confident' ? reduced.best : null;
      // …whose object the rest says, beyond what befell it: "cấp lại bằng tốt nghiệp bị mất" is not
      // "Cấp lại Giấy chứng nhận do bị mất".
      const vocabulary = vocabularyOf(deps.catalog);
      if (first && first.fit >= BACKGROUND_FIT && saysNameObject(rest.map((t) => t.folded), first.procedure.name, (s) => vocabulary.isDistinctive(s))) return reduced;
    }
    return { kind: 'none', reason: 'outside_catalog', topic: outside };
  }
  if (hits.length === 0) return { kind: 'none', reason: 'no_match' };
  const fits = probabilities(model, features);
  const candidates: Candidate[] = hits.map((hit, i) => ({
    procedure: hit.procedure,
    score: hit.score,
    variants: hit.variants,
    match: hit.match,
    fit: fits[i]!,
  }));
  const decision = decide(
    candidates.map((c) => c.fit),
    namedOutrightLeads(features),
    model.thresholds,
    RESOLVER_TUNING.maxOptions,
  );
  if (decision.kind === 'none') return { kind: 'none', reason: 'no_match', namedInCatalog: (candidates[0]?.match.recall ?? 0) >= NAMED_IN_CATALOG_RECALL };
  if (decision.kind === 'clarify') {
    const options = dropVariantPairs(decision.indices.map((i) => candidates[i]!));
    // Options the message tells apart by their own words are no real choice (told-apart.ts).
    const typed = input.typed ?? input.query;
    const names = options.map((o) => o.procedure.name);
    const isCompound = (pair: string) => vocabularyOf(deps.catalog).isCompound(pair);
    // A clear favourite needs only one of its own words said, not a good share of them.
    const favourite = options[0]!.fit >= RESOLVER_TUNING.favouriteFit && options[0]!.fit >= RESOLVER_TUNING.favouriteLead * (options[1]?.fit ?? 0);
    const meant = toldApart(typed, names, { isCompound }) ?? (favourite ? toldApart(typed, names, { isCompound, ownWordsNeeded: 'one' }) : null);
    const chosen = meant === null ? undefined : options[meant]!;
    if (!chosen || chosen.fit < RESOLVER_TUNING.toldApartFit) return { kind: 'ambiguous', candidates: options };
    return { kind: 'confident', best: chosen, confidence: chosen.fit, runnersUp: options.filter((o) => o !== chosen) };
  }
  const best = candidates[decision.index]!;
  const runnersUp = candidates
    .filter((c) => c !== best)
    .sort((a, b) => b.fit - a.fit)
    .slice(0, RESOLVER_TUNING.maxOptions - 1);
  return { kind: 'confident', best, confidence: best.fit, runnersUp };
}

/** The topic without the words of a phrase (folded syllables), wherever it occurs. */
function withoutPhrase(topic: readonly Token[], phrase: string): Token[] {
  const syllables = phrase.split(' ');
  const kept: Token[] = [];
  for (let i = 0; i < topic.length; ) {
    if (syllables.every((s, j) => topic[i + j]?.folded === s)) {
      i += syllables.length;
      continue;
    }
    kept.push(topic[i]!);
    i += 1;
  }
  return kept;
}

/** The procedure a supervisor said these very words mean (one procedure, else none). */
function taughtProcedure(input: ResolveInput, deps: { catalog: ProcedureSource; wordings?: WordingMemory }): Candidate | null {
  if (!deps.wordings) return null;
  const procedures = [...new Set(deps.wordings.codesFor(input.query))].map((code) => deps.catalog.get(code)).filter((p): p is Procedure => p !== undefined);
  if (procedures.length !== 1) return null;
  const procedure = procedures[0]!;
  return { procedure, score: 0, variants: [], match: vocabularyOf(deps.catalog).match(input.topic, procedure, input.weightOf), fit: 1 };
}

/** Options that are the same procedure at another level collapse into the first of them. */
function dropVariantPairs(options: Candidate[]): Candidate[] {
  return options.filter((c, i) => !options.slice(0, i).some((earlier) => isVariantPair(earlier, c)));
}
