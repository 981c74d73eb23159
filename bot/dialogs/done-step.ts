/**
 * "Báo mất xong thì làm lại hộ chiếu mới hết bao nhiêu tiền?": the procedure under discussion,
 * said as a step done ("… xong thì", "… rồi thì", "sau khi … thì"), is the background of what is
 * asked next. Only that procedure: a step the conversation has not been about may be what is asked.
 */
import { classify, topicWeight } from '../intents/classify.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import type { ProcedureSource } from '../deps.ts';
import { vocabularyOf } from '../resolve/name-match.ts';

/** "A xong thì B", "A xong rồi thì B", "A rồi thì B" (accents optional)… */
const DONE_THEN = /^(.+?)\s+(?:xong(?:\s+r[ồo]i)?|r[ồo]i)\s*,?\s+th[ìi]\s+(.+)$/iu;
/** …and "sau khi A thì B". */
const AFTER_THEN = /^sau\s+khi\s+(.+?)\s*,?\s+th[ìi]\s+(.+)$/iu;

/** Share of the step's words the current procedure's name must account for. */
const STEP_RECALL = 0.5;

/** What is asked after the step done, when that step is the procedure under discussion; else null. */
export function askedAfterDoneStep(text: string, current: Procedure, catalog: ProcedureSource): string | null {
  const found = text.trim().match(AFTER_THEN) ?? text.trim().match(DONE_THEN);
  if (!found) return null;
  const [, step, next] = found;
  const stepWords = classify(step!).topic;
  if (stepWords.length === 0 || classify(next!).topicCore.length === 0) return null;
  const match = vocabularyOf(catalog).match(stepWords, current, topicWeight);
  return match.recall >= STEP_RECALL ? next! : null;
}
