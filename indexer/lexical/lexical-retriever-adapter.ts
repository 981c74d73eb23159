/** Lexical-only retrieval as a ProcedureRetriever (tests, tools): the hybrid retriever in lexical mode. */
import type { Procedure } from '../../knowledge/schema.ts';
import { createProcedureRetriever } from '../procedure-retriever.ts';
import type { ProcedureRetriever } from '../retriever.ts';
import { DEFAULT_LEXICAL_TUNING, LexicalScorer, type LexicalTuning } from './lexical-scorer.ts';

export function createLexicalRetriever(
  procedures: readonly Procedure[],
  tuning: LexicalTuning = DEFAULT_LEXICAL_TUNING,
): ProcedureRetriever & { scorer: LexicalScorer } {
  const scorer = new LexicalScorer(procedures, { ...tuning });
  return { scorer, ...createProcedureRetriever({ procedures, lexical: scorer, mode: 'lexical' }) };
}
