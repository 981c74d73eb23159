/**
 * The lexical scorer as a ProcedureRetriever: scores, groups near-duplicates, honours a level
 * named in the question or preferred by the caller.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { groupHits } from '../group-hits.ts';
import { groupNearDuplicates, levelsNamedIn } from '../near-duplicates.ts';
import type { ProcedureRetriever, RetrievalHit, SearchOptions } from '../retriever.ts';
import { LexicalScorer, DEFAULT_LEXICAL_TUNING, type LexicalTuning } from './lexical-retriever.ts';

export function createLexicalRetriever(procedures: readonly Procedure[], tuning: LexicalTuning = DEFAULT_LEXICAL_TUNING): ProcedureRetriever & { scorer: LexicalScorer } {
  const scorer = new LexicalScorer(procedures, tuning);
  const groupOf = groupNearDuplicates(procedures);
  return {
    scorer,
    async search(query: string, options: SearchOptions = {}): Promise<RetrievalHit[]> {
      const limit = options.limit ?? 10;
      const named = levelsNamedIn(query);
      const ranked = scorer.score(query, limit * 3);
      return groupHits(ranked, procedures, groupOf, named.length > 0 ? named : options.levels ?? [], limit);
    },
  };
}
