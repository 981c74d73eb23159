/**
 * The understanding step: read the words, the clicked payload and the state, and resolve the
 * topic against the catalog — everything the route selectors need.
 */
import type { ConversationState } from '../conversation/conversation-state.ts';
import type { TurnDeps } from '../deps.ts';
import { asksHandoff, classify, resolveInputOf } from '../intents/classify.ts';
import { parsePayload } from '../replies.ts';
import { nameObject } from '../../knowledge/language/name-actions.ts';
import { resolveProcedure, type Resolution } from '../resolve/procedure-resolver.ts';
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
  if (!payload && !asksHandoff(words) && words.topicCore.length > 0) {
    resolution = await resolveProcedure(resolveInputOf(words), deps);
    // A correction ("à không, ý em là cấp lại") that names nothing clearly by itself applies to
    // what the procedure under discussion is about: cấp lại + thẻ căn cước.
    if (words.correction && current && resolution.kind !== 'confident') {
      const together = classify(`${text} ${nameObject(current.name)}`);
      const corrected = await resolveProcedure(
        resolveInputOf(together),
        deps,
      );
      const moved = corrected.kind === 'confident' ? corrected.best.procedure.code !== current.code : corrected.kind === 'ambiguous';
      // …unless the correction names its own procedure more surely than with the old one's words
      // ("à nhầm, ý mình là đăng ký tạm trú" after "đăng ký thường trú").
      if (moved && firstFit(corrected) >= firstFit(resolution)) resolution = corrected;
    }
  }
  return { words, payload, resolution, current, commune: mention?.commune ?? null };
}

/** The probability of a resolution's most likely procedure (0 when it found none). */
function firstFit(resolution: Resolution): number {
  if (resolution.kind === 'confident') return resolution.confidence;
  if (resolution.kind === 'ambiguous') return Math.max(...resolution.candidates.map((c) => c.fit));
  return 0;
}
