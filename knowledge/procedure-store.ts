/** Persisted procedures (bundled and imported), keyed by code. Implemented over the Db seam. */
import type { Procedure } from './schema.ts';

export interface UpsertSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ProcedureStore {
  /** Insert or replace by code; a record whose content is identical counts as unchanged. */
  upsertMany(procedures: Procedure[]): Promise<UpsertSummary>;
  get(code: string): Promise<Procedure | null>;
  all(): Promise<Procedure[]>;
  count(): Promise<number>;
}
