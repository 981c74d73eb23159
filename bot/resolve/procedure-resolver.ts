/**
 * Which procedure a message is about: ask the retriever, keep the hits whose name the topic
 * really says (name-match.ts), then decide — one clear winner (confident), several too close to
 * call (ambiguous: ask), or none (the message names no procedure we know).
 */
import type { Level, Procedure } from '../../knowledge/schema.ts';
import type { Token } from '../../knowledge/language/message-tokens.ts';
import type { ProcedureSource } from '../deps.ts';
import type { ProcedureRetriever, RetrievalHit } from '../../indexer/retriever.ts';
import { BotError } from '../errors.ts';
import { vocabularyOf, type NameMatch } from './name-match.ts';
import { actionQuestion, nameActions, questionAsksFor } from '../../knowledge/language/name-actions.ts';
import { ageLimitOf, agesIn, excludesStatedAge } from '../../knowledge/language/age-limits.ts';

export interface Candidate {
  procedure: Procedure;
  /** The retriever's score. */
  score: number;
  variants: string[];
  match: NameMatch;
  /** Retriever rank and name fit combined, 0..1, comparable within one resolution. */
  fit: number;
}

export type Resolution =
  | { kind: 'none'; reason: 'no_topic' | 'no_match' }
  | { kind: 'confident'; best: Candidate; confidence: number; runnersUp: Candidate[] }
  | { kind: 'ambiguous'; candidates: Candidate[] };

export const RESOLVER_TUNING = {
  /** Hits asked of the retriever. */
  limit: 8,
  /** A hit names the procedure when the topic's words are at least this much in its name. */
  minRecall: 0.5,
  /** Words matched in different aliases, none adjacent, must cover this much of the topic. */
  scatteredRecall: 0.85,
  /** Hits whose fit is within this of the best are too close to call. */
  closeFit: 0.05,
  /** At most this many options in a clarifying question. */
  maxOptions: 4,
  /**
   * Fit added to a bundled record: the curated, citizen-level version of the procedures people
   * ask about most — among near-equal candidates it is the likely one (a popularity prior).
   */
  curatedBonus: 0.08,
  /** Recalls this close count as accounting for the message equally (for the curated bonus). */
  recallTie: 0.05,
  /**
   * Fit added to a name opening with an action the message asks for in its own words ("mất thẻ"
   * → Cấp lại thẻ…, "hết hạn" → Gia hạn…): it decides between "Cấp" and "Cấp lại" of one paper.
   */
  askedActionBonus: 0.06,
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
}

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

export async function resolveProcedure(
  input: ResolveInput,
  deps: { retriever: ProcedureRetriever; catalog: ProcedureSource },
): Promise<Resolution> {
  if (input.topic.length === 0 || input.query.trim() === '') return { kind: 'none', reason: 'no_topic' };
  let hits: RetrievalHit[];
  try {
    hits = await deps.retriever.search(input.query, {
      limit: RESOLVER_TUNING.limit,
      ...(input.levels.length ? { levels: input.levels } : {}),
    });
  } catch (error) {
    throw new BotError('retriever_failed', error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (hits.length === 0) return { kind: 'none', reason: 'no_match' };

  const vocabulary = vocabularyOf(deps.catalog);
  const asked = actionQuestion(input.query);
  const asksForItsAction = (procedure: Procedure) => nameActions(procedure.name).some((action) => questionAsksFor(asked, action));
  const topScore = Math.max(...hits.map((h) => h.score), Number.EPSILON);
  const matched: Array<{ hit: RetrievalHit; match: NameMatch }> = [];
  for (const found of hits) {
    const hit = input.levels.length > 0 ? found : preferCurated(found, deps.catalog);
    const match = vocabulary.match(input.topic, hit.procedure, input.weightOf);
    if (namesIt(match)) matched.push({ hit, match });
  }
  // A stated age rules out the procedures whose age limit excludes it ("con 10 tuổi" is not
  // "từ đủ 14 tuổi trở lên") — unless it would rule out every one.
  const ages = agesIn(input.query);
  const ageFits = matched.filter(({ hit }) => !excludesStatedAge(ageLimitOf(hit.procedure.name), ages));
  const candidates = ageFits.length > 0 ? ageFits : matched;
  // The popularity prior only breaks ties between candidates that account for the message as
  // fully: "kết hôn với người nước ngoài" is not the curated "Đăng ký kết hôn".
  const bestRecall = Math.max(0, ...candidates.map(({ match }) => match.recall));
  const named: Candidate[] = candidates.map(({ hit, match }) => {
    const rank = Math.max(0, hit.score) / topScore;
    const curated = hit.procedure.origin === 'bundled' && match.recall >= bestRecall - RESOLVER_TUNING.recallTie ? RESOLVER_TUNING.curatedBonus : 0;
    const action = asksForItsAction(hit.procedure) ? RESOLVER_TUNING.askedActionBonus : 0;
    const fit = 0.4 * rank + 0.2 * match.recall + 0.4 * match.nameFit + curated + action;
    return { procedure: hit.procedure, score: hit.score, variants: hit.variants, match, fit };
  });
  if (named.length === 0) return { kind: 'none', reason: 'no_match' };

  named.sort((a, b) => b.fit - a.fit);
  const best = named[0]!;
  const close = named.filter(
    (c, i) => i === 0 || (best.fit - c.fit <= RESOLVER_TUNING.closeFit && !isVariantPair(best, c)),
  );
  if (close.length > 1) return { kind: 'ambiguous', candidates: close.slice(0, RESOLVER_TUNING.maxOptions) };

  const second = named[1];
  const margin = second ? Math.min(1, (best.fit - second.fit) / RESOLVER_TUNING.closeFit / 4) : 1;
  const confidence = Math.min(1, 0.5 * best.match.recall + 0.3 * best.match.nameFit + 0.2 * margin);
  return { kind: 'confident', best, confidence, runnersUp: named.slice(1, RESOLVER_TUNING.maxOptions) };
}
