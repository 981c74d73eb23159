/**
 * The local overlay's versioned store: every change is a new version of one (procedure, channel,
 * commune) entry with who, when, why and the value it replaced; nothing is ever overwritten. A change is
 * published when saved (the history is the audit log; a revert is a new version).
 */
import type { Procedure } from '../schema.ts';
import type { OverlayEntry, OverlayFields, OverlayKey } from './overlay.ts';

export interface OverlayVersion extends OverlayKey {
  /** Unique across the store, increasing. */
  id: number;
  /** 1, 2, … per (code, channel, commune). */
  version: number;
  /** The local values from this version on; null = removed (the national value again). */
  fields: OverlayFields | null;
  /** The values this version replaced (null: none). */
  previous: OverlayFields | null;
  /** The officer who made the change (their username) or the import command ("import:<file>"). */
  author: string;
  reason: string;
  /** The version whose change this one undoes. */
  revertOf?: number;
  at: Date;
}

export interface OverlayChange extends OverlayKey {
  fields: OverlayFields | null;
  author: string;
  reason: string;
  revertOf?: number;
  /** The version the editor started from (0: none yet); a different current version is a conflict. */
  expectedVersion?: number;
}

/** Someone else changed the entry since the editor read it. */
export class OverlayConflictError extends Error {
  constructor(readonly key: { code: string; channel?: string; commune?: string }, readonly current: number) {
    super(`local data ${key.code}${key.channel ? `/${key.channel}` : ''}${key.commune ? `/${key.commune}` : ''} is at version ${current}`);
    this.name = 'OverlayConflictError';
  }
}

export interface OverlayStore {
  /** Appends one version per change, all or none (one transaction). Throws OverlayConflictError. */
  save(changes: readonly OverlayChange[]): Promise<OverlayVersion[]>;
  /** The current local values: the latest version of each entry, removed ones left out. */
  published(): Promise<OverlayEntry[]>;
  /** Every version of a procedure's entries, newest first. */
  history(code: string): Promise<OverlayVersion[]>;
  get(id: number): Promise<OverlayVersion | null>;
  /** The id of the latest version (0 when none): another instance compares it to notice changes. */
  latestId(): Promise<number>;
}

/** One version of a procedure only the province has (a whole record, origin `local`). */
export interface LocalProcedureVersion {
  id: number;
  code: string;
  version: number;
  /** The record from this version on; null = withdrawn. */
  record: Procedure | null;
  previous: Procedure | null;
  author: string;
  reason: string;
  revertOf?: number;
  at: Date;
}

export interface LocalProcedureChange {
  code: string;
  record: Procedure | null;
  author: string;
  reason: string;
  revertOf?: number;
  expectedVersion?: number;
}

/** The province's own procedures, versioned like the overlay. Throws OverlayConflictError on a stale expectedVersion. */
export interface LocalProcedureStore {
  save(changes: readonly LocalProcedureChange[]): Promise<LocalProcedureVersion[]>;
  /** The latest version of each, withdrawn ones left out, by code. */
  published(): Promise<Procedure[]>;
  history(code: string): Promise<LocalProcedureVersion[]>;
  get(id: number): Promise<LocalProcedureVersion | null>;
  latestId(): Promise<number>;
}
