/**
 * What citizens did with dossiers, kept in the database: the audit log of lookups (which is
 * also what rate limits and lockouts are counted from, atomically, so they hold across
 * concurrent requests, restarts and instances) and the conversations subscribed to a dossier's
 * status changes.
 */
export type DossierAction = 'lookup' | 'verify' | 'subscribe' | 'unsubscribe';

export type DossierOutcome =
  /** Admitted and still running (counts against the limits until settled). */
  | 'pending'
  | 'found'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'verified'
  | 'wrong_digits'
  | 'locked'
  | 'subscribed'
  | 'unsubscribed';

export interface AuditEntry {
  at: Date;
  action: DossierAction;
  outcome: DossierOutcome;
  code: string | null;
  /** Which DossierSource answered (or failed). */
  source?: string | null;
  conversationId: string;
  channel: string;
  /** Who asked on the network (e.g. `ip:203.0.113.5`), when the channel knows. */
  clientKey?: string | null;
}

export interface AuditQuery {
  action: DossierAction;
  /** Only these outcomes; all when absent. */
  outcomes?: DossierOutcome[];
  since: Date;
  conversationId?: string;
  clientKey?: string;
  code?: string;
}

export interface StoredAuditEntry extends Omit<AuditEntry, 'at'> {
  id: number;
  at: string;
}

/** A window the entry must fit in: at most `max` entries matching `query`. */
export interface AuditLimit {
  query: AuditQuery;
  max: number;
}

/** What `admit` decided: the recorded entry's id, or each limit's count when one was full. */
export type Admission = { admitted: true; id: number } | { admitted: false; counts: Array<{ count: number; oldest: string | null }> };

export interface DossierAuditLog {
  record(entry: AuditEntry): Promise<void>;
  /**
   * Records `entry` only if every limit is under its max — counted and inserted as one step
   * (one transaction, a lock per window), so concurrent requests cannot all slip under a limit.
   */
  admit(entry: AuditEntry, limits: AuditLimit[]): Promise<Admission>;
  /** The final outcome (and source) of an admitted entry. */
  settle(id: number, outcome: DossierOutcome, source?: string | null): Promise<void>;
  /** How many entries match, and the oldest one's time (for "locked until"). */
  count(query: AuditQuery): Promise<{ count: number; oldest: string | null }>;
  /** Entries about one conversation, oldest first (for officers and tests). */
  entries(filter: { conversationId?: string; code?: string; limit?: number }): Promise<StoredAuditEntry[]>;
}

export interface Subscriber {
  conversationId: string;
  channel: string;
}

export interface DossierSubscriptions {
  /** True when newly subscribed, false when it already was. */
  add(code: string, subscriber: Subscriber): Promise<boolean>;
  /** True when a subscription was removed. */
  remove(code: string, conversationId: string): Promise<boolean>;
  subscribers(code: string): Promise<Subscriber[]>;
}
