/**
 * What the bot core needs from outside, as narrow interfaces: the caller (app start-up) wires
 * the catalog, the retriever and — when available — the dossier lookup and a rephraser.
 */
import type { Procedure } from '../knowledge/schema.ts';
import type { ProcedureRetriever } from '../indexer/retriever.ts';
import type { Reply } from './replies.ts';

/** Procedures by code (the Catalog from knowledge/catalog-store.ts fits). */
export interface ProcedureSource {
  get(code: string): Procedure | undefined;
  all(): readonly Procedure[];
}

/** One dossier's progress as the one-stop system reports it. */
export interface DossierStatus {
  code: string;
  /** Plain Vietnamese status ("Đang giải quyết", "Đã có kết quả" …). */
  status: string;
  procedureName?: string;
  /** ISO date the result is due. */
  dueDate?: string;
  /** Where to collect the result / what to do next. */
  note?: string;
}

/** Looks a dossier up by its code (mã hồ sơ). A later feature; optional in TurnDeps. */
export interface DossierLookup {
  /** null when no dossier has this code. */
  lookup(code: string): Promise<DossierStatus | null>;
}

/**
 * Optional rewording of composed replies (e.g. by an LLM) — a seam only: an implementation must
 * keep every fact (numbers, codes, legal basis) and return the replies unchanged on doubt.
 */
export type Rephraser = (input: { question: string; intent: string; procedure: Procedure | null; replies: Reply[] }) => Promise<Reply[]>;

/** Where the bot writes what went wrong (pino's Logger fits). */
export interface BotLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

export interface TurnDeps {
  retriever: ProcedureRetriever;
  catalog: ProcedureSource;
  dossiers?: DossierLookup;
  rephrase?: Rephraser;
  log?: BotLogger;
}
