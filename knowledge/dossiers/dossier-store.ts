/** The built-in dossier store: what the one-stop system pushed, with each dossier's status history. */
import type { Dossier, DossierHistoryEntry, DossierState } from './dossier.ts';
import type { DossierSource } from './dossier-source.ts';

export interface PushResult {
  /** `unchanged` when the same state was pushed again (pushes are idempotent). */
  result: 'created' | 'updated' | 'unchanged';
  /** The status differs from the stored one (always true on creation). */
  statusChanged: boolean;
  previousStatus: DossierState | null;
  dossier: Dossier;
}

export interface DossierStore extends DossierSource {
  /** Inserts or updates by code; a new status (or the first one) is appended to the history. */
  upsert(dossier: Dossier): Promise<PushResult>;
  /** Status changes, oldest first. */
  history(code: string): Promise<DossierHistoryEntry[]>;
  /** How many dossiers are stored; `realOnly` leaves the demo dossiers out. */
  count(options?: { realOnly?: boolean }): Promise<number>;
}

/** The fields a push can change (updatedAt is not one: pushing the same state twice changes nothing). */
export function sameContent(a: Dossier, b: Dossier): boolean {
  return (
    a.procedureCode === b.procedureCode &&
    a.procedureName === b.procedureName &&
    Date.parse(a.receivedAt) === Date.parse(b.receivedAt) &&
    Date.parse(a.dueAt) === Date.parse(b.dueAt) &&
    a.status === b.status &&
    a.step === b.step &&
    a.agency === b.agency &&
    a.note === b.note &&
    a.applicant.name === b.applicant.name &&
    a.applicant.phone === b.applicant.phone
  );
}
