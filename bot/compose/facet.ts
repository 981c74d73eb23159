/** One procedure answer by intent. */
import type { Procedure } from '../../knowledge/schema.ts';
import type { HowToAspect } from '../intents/facet-rules.ts';
import type { ProcedureIntent } from '../intents/intent.ts';
import type { Reply } from '../replies.ts';
import { composeDocuments } from './documents.ts';
import { composeFee } from './fee.ts';
import { composeHowTo } from './how-to.ts';
import { composeOverview } from './overview.ts';
import { composeProcessingTime } from './processing-time.ts';

export function composeAnswer(intent: ProcedureIntent, procedure: Procedure, aspects: readonly HowToAspect[] = []): Reply[] {
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
