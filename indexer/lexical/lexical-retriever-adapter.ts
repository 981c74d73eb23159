/** Lexical-only retrieval as a ProcedureRetriever (tests, tools): the hybrid retriever in lexical mode. */
import type { Procedure } from '../../knowledge/schema.ts';
import { createHybridRetriever } from '../procedure-retriever.ts';
import type { ProcedureRetriever } from '../retriever.ts';
import { DEFAULT_LEXICAL_TUNING, LexicalScorer, type LexicalTuning } from './lexical-scorer.ts';

export function createLexicalRetriever(
  procedures: readonly Procedure[],
  tuning: LexicalTuning = DEFAULT_LEXICAL_TUNING,
): ProcedureRetriever & { scorer: LexicalScorer } {
  const scorer = new LexicalScorer(procedures, { ...tuning });
  return { scorer, ...createHybridRetriever({ procedures, lexical: scorer, mode: 'lexical' }) };
}
