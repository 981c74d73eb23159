/**
 * What the bot core needs from outside, as narrow interfaces: the caller (app start-up) wires
 * the catalog, the retriever and — when available — the dossier lookup and a rephraser.
 */
import type { Procedure } from '../knowledge/schema.ts';
import type { CommuneOffices } from '../knowledge/local/commune-offices.ts';
import type { DossierState } from '../knowledge/dossiers/dossier.ts';
import type { ProcedureRetriever } from '../indexer/retriever.ts';
import type { Reply } from './replies.ts';

/** Procedures by code (the Catalog from knowledge/catalog-store.ts fits). */
export interface ProcedureSource {
  get(code: string): Procedure | undefined;
  all(): readonly Procedure[];
  /** The xã/phường names the province gave one-stop shops for (the localized catalog has them). */
  communes?(): readonly string[];
  /** Those one-stop shops for one procedure; null when none was entered. */
  communeOffices?(code: string): CommuneOffices | null;
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
  /** The one-stop status, when the source reports one: drives the plain words and the next step. */
  state?: DossierState;
  /** ISO date the dossier was received. */
  receivedDate?: string;
  /** Current step and the agency handling it. */
  step?: string;
  agency?: string;
  /** Working days past the due date (only while the agency holds the dossier), else 0. */
  overdueWorkingDays?: number;
  /** Working days left until the due date. */
  workingDaysLeft?: number;
  /** A demo dossier (code with the DEMO marker). */
  demo?: boolean;
}

/** Who asks about a dossier: for rate limits, lockouts and the audit log. */
export interface DossierAsker {
  conversationId: string;
  channel: string;
  /** Who asks on the network (e.g. `ip:203.0.113.5`), when the channel knows. */
  clientKey?: string;
  at: Date;
}

export type DossierVerification =
  | { kind: 'verified'; applicant: { name: string; maskedPhone: string } }
  | { kind: 'wrong_digits'; attemptsLeft: number }
  | { kind: 'locked'; until: string }
  | { kind: 'not_found' };

/**
 * Looks a dossier up by its code (mã hồ sơ). The answer is public (no personal data); the
 * optional capabilities — verification with the phone's last 4 digits, notifications — are
 * offered in conversation only when the implementation has them (bot/dossiers/dossier-desk.ts
 * has all). A refusal (rate limit) or an unavailable source is thrown as a BotError.
 */
export interface DossierLookup {
  /** null when no dossier has this code. */
  lookup(code: string, asker?: DossierAsker): Promise<DossierStatus | null>;
  verify?(code: string, lastFourDigits: string, asker: DossierAsker): Promise<DossierVerification>;
  subscribe?(code: string, asker: DossierAsker): Promise<'subscribed' | 'already_subscribed' | 'not_found'>;
  unsubscribe?(code: string, asker: DossierAsker): Promise<boolean>;
  /** Demo dossier codes a new user can try (shown when asking for a code). */
  demoCodes?: readonly string[];
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

/**
 * Wordings a supervisor attached to a procedure from the insights page: a message whose topic
 * words are such a wording's is about that procedure.
 */
export interface WordingMemory {
  /** The procedures taught for these topic words (the retrieval query), if any. */
  codesFor(query: string): readonly string[];
}

export interface TurnDeps {
  retriever: ProcedureRetriever;
  catalog: ProcedureSource;
  wordings?: WordingMemory;
  dossiers?: DossierLookup;
  rephrase?: Rephraser;
  log?: BotLogger;
}
