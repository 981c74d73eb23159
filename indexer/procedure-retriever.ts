/**
 * The retriever the assistant uses: lexical (BM25F + name coverage), dense (embedding index) or
 * both fused by weighted reciprocal rank, then near-duplicates grouped and a level named in the
 * question (or preferred by the caller) put first. Which mode runs is configuration
 * (RETRIEVAL_MODE); `npm run eval:retrieval` measures all of them side by side.
 */
import type { Procedure } from '../knowledge/schema.ts';
import type { DenseSearcher } from './dense/dense-searcher.ts';
import { groupHits, type RankedDoc } from './group-hits.ts';
import type { LexicalScorer } from './lexical/lexical-scorer.ts';
import { groupNearDuplicates, levelsNamedIn } from './near-duplicates.ts';
import type { ProcedureRetriever, RetrievalHit, SearchOptions } from './retriever.ts';

export const RETRIEVAL_MODES = ['lexical', 'dense', 'hybrid'] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

export interface FusionSettings {
  /** Reciprocal-rank constant. */
  k: number;
  /** Weight of the dense ranking against the lexical one (1). */
  denseWeight: number;
  /** Candidates taken from each ranking. */
  depth: number;
}

export const DEFAULT_FUSION: FusionSettings = { k: 60, denseWeight: 0.3, depth: 50 };

export interface ProcedureRetrieverDeps {
  procedures: readonly Procedure[];
  lexical: LexicalScorer;
  dense?: DenseSearcher;
  mode: RetrievalMode;
  fusion?: FusionSettings;
}

export function fuseRankings(lexical: readonly RankedDoc[], dense: readonly RankedDoc[], fusion: FusionSettings): RankedDoc[] {
  const scores = new Map<number, number>();
  for (const [rank, { doc }] of lexical.entries()) scores.set(doc, 1 / (fusion.k + rank + 1));
  for (const [rank, { doc }] of dense.entries()) scores.set(doc, (scores.get(doc) ?? 0) + fusion.denseWeight / (fusion.k + rank + 1));
  return [...scores.entries()].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score);
}

export function createProcedureRetriever(deps: ProcedureRetrieverDeps): ProcedureRetriever & { mode: RetrievalMode } {
  const { procedures, lexical, dense, mode } = deps;
  if (mode !== 'lexical' && !dense) throw new Error(`retrieval mode ${mode} needs a dense index`);
  const fusion = deps.fusion ?? DEFAULT_FUSION;
  const groupOf = groupNearDuplicates(procedures);
  return {
    mode,
    async search(query: string, options: SearchOptions = {}): Promise<RetrievalHit[]> {
      const limit = options.limit ?? 10;
      const depth = Math.max(fusion.depth, limit * 3);
      let ranked: RankedDoc[];
      if (mode === 'lexical') ranked = lexical.score(query, depth);
      else if (mode === 'dense') ranked = await dense!.rank(query, depth);
      else ranked = fuseRankings(lexical.score(query, depth), await dense!.rank(query, depth), fusion);
      const named = levelsNamedIn(query);
      return groupHits(ranked, procedures, groupOf, named.length > 0 ? named : options.levels ?? [], limit, query);
    },
  };
}
