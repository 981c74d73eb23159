/**
 * What became of one bot turn, recorded with its answer so supervisors can see what the
 * assistant could not answer: answered (a procedure committed), clarify (asked which one),
 * not_found, out_of_scope, error, or other (greetings, dossier lookups, handoff requests).
 */
import { isProcedureIntent } from '../intents/intent.ts';
import type { HandlerResult } from '../turn-context.ts';

export const ANSWER_OUTCOMES = ['answered', 'clarify', 'not_found', 'out_of_scope', 'error', 'other'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** Outcomes counted as "the assistant could not answer" in the insights. */
export const UNANSWERED_OUTCOMES: readonly AnswerOutcome[] = ['not_found', 'out_of_scope', 'error'];

/** The outcome of a turn from the route that handled it and what the route decided. */
export function answerOutcome(route: string | undefined, result: HandlerResult): AnswerOutcome {
  if (route === 'error' || route === undefined) return 'error';
  if (result.intent === 'out_of_scope') return 'out_of_scope';
  if (result.failed) return 'not_found';
  const pending = result.pending;
  // Other levels offered beside an answer: answered.
  if ((pending?.type === 'clarify' && pending.answered === undefined) || pending?.type === 'which_procedure') return 'clarify';
  if (result.procedure && isProcedureIntent(result.intent)) return 'answered';
  return 'other';
}
