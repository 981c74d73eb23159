/**
 * The retrieval seam the bot and the HTTP API use: a question in, procedures best first.
 */
import type { Level, Procedure } from '../knowledge/schema.ts';

export interface RetrievalHit {
  procedure: Procedure;
  /** Higher is better; comparable only within one result list. */
  score: number;
  /** Codes of near-duplicate procedures (same procedure at another level/agency) grouped under this hit. */
  variants: string[];
}

export interface SearchOptions {
  limit?: number;
  /** Prefer procedures at these levels (a level named in the question wins regardless). */
  levels?: Level[];
}

export interface ProcedureRetriever {
  search(query: string, options?: SearchOptions): Promise<RetrievalHit[]>;
}
