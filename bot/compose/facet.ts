/** One procedure answer by intent. */
import type { Procedure } from '../../knowledge/schema.ts';
import type { HowToAspect } from '../intents/facet-rules.ts';
import type { ProcedureIntent } from '../intents/intent.ts';
import { quickRepliesReply, type Reply } from '../replies.ts';
import { composeDocuments } from './documents.ts';
import { composeFee } from './fee.ts';
import { composeHowTo } from './how-to.ts';
import { composeOverview, facetQuickReplies } from './overview.ts';
import { composeProcessingTime } from './processing-time.ts';

export function composeAnswer(intent: ProcedureIntent, procedure: Procedure, aspects: readonly HowToAspect[] = []): Reply[] {
  const replies = composeFacet(intent, procedure, aspects);
  if (intent === 'overview') return replies;
  return offerOtherFacets(replies, intent, procedure);
}

/** After one facet's answer, the other facets as quick replies (on the last plain-text reply). */
function offerOtherFacets(replies: Reply[], intent: ProcedureIntent, procedure: Procedure): Reply[] {
  const last = replies.at(-1);
  if (!last || last.kind !== 'text') return replies;
  const others = facetQuickReplies(procedure).filter((choice) => !choice.payload.includes(`:${intent}:`));
  return [...replies.slice(0, -1), quickRepliesReply(last.text, others)];
}

function composeFacet(intent: ProcedureIntent, procedure: Procedure, aspects: readonly HowToAspect[]): Reply[] {
  switch (intent) {
    case 'documents':
      return composeDocuments(procedure);
    case 'fee':
      return composeFee(procedure);
    case 'processing_time':
      return composeProcessingTime(procedure);
    case 'how_to':
      return composeHowTo(procedure, aspects);
    case 'overview':
      return composeOverview(procedure);
  }
}
