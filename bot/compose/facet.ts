/** One procedure answer by intent. */
import type { Procedure } from '../../knowledge/schema.ts';
import type { HowToAspect } from '../intents/facet-rules.ts';
import type { ProcedureIntent } from '../intents/intent.ts';
import { quickRepliesReply, type Reply } from '../replies.ts';
import { composeAskedPassages } from './asked-passages.ts';
import { composeConditions } from './conditions.ts';
import { composeDocuments } from './documents.ts';
import { composeFee } from './fee.ts';
import { composeFormsAsked } from './forms-asked.ts';
import { composeHowTo } from './how-to.ts';
import { composeOverview, facetQuickReplies } from './overview.ts';
import type { Asked } from './passages.ts';
import { composeProcessingTime } from './processing-time.ts';
import { composeResult } from './result.ts';

const NOTHING_ASKED: Asked = { topic: [], text: '' };

export function composeAnswer(intent: ProcedureIntent, procedure: Procedure, aspects: readonly HowToAspect[] = [], asked: Asked = NOTHING_ASKED): Reply[] {
  const replies = composeFacet(intent, procedure, aspects, asked);
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

function composeFacet(intent: ProcedureIntent, procedure: Procedure, aspects: readonly HowToAspect[], asked: Asked): Reply[] {
  switch (intent) {
    case 'documents':
      // "… theo mẫu nào?": the documents, then the record's lines that say which form.
      return [...composeDocuments(procedure), ...composeFormsAsked(procedure, asked)];
    case 'fee':
      return composeFee(procedure);
    case 'processing_time':
      return composeProcessingTime(procedure);
    case 'how_to':
      return composeHowTo(procedure, aspects);
    case 'conditions':
      return composeConditions(procedure, asked);
    case 'result':
      return composeResult(procedure, asked);
    case 'overview':
      // A question beyond the facets: the record's passages on its words first, then the summary.
      return [...composeAskedPassages(procedure, asked), ...composeOverview(procedure)];
  }
}
