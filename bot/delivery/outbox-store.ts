/**
 * The durable outbox of push channels: every outbound wire message is stored before it is sent,
 * one row per part of a stored conversation message, sent in the conversation's order, retried
 * later on passing failures and kept with its reason when it can never be sent.
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** Why a message can never be sent (recorded, shown to officers, not retried). */
export type OutboxFailure = 'blocked' | 'outside_window' | 'rejected' | 'gave_up';

export interface OutboxItem {
  id: number;
  channel: string;
  conversationId: string;
  /** The channel's recipient id (a Zalo user id: a string, it exceeds 2^53). */
  recipient: string;
  /** The stored conversation message this part renders. */
  messageId: number;
  part: number;
  /** The wire message as the channel's API takes it. */
  body: unknown;
  /** What to send instead when the channel's messaging window is closed (a template notice), if anything. */
  fallback: unknown;
  status: OutboxStatus;
  /** Send attempts so far (counted when an attempt starts). */
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  failure: OutboxFailure | null;
  /** How it finally went out (`message`, `template`), once sent. */
  sentAs: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NewOutboxItem {
  channel: string;
  conversationId: string;
  recipient: string;
  messageId: number;
  part: number;
  body: unknown;
  fallback?: unknown;
}

export interface OutboxStore {
  /** Stores new items; an item already stored (same channel, message and part) is left as it is. Returns how many were new. */
  enqueue(items: NewOutboxItem[], now: Date): Promise<number>;
  /**
   * Takes up to `limit` items that are due: for each conversation only the first unsent part (so
   * parts go out in order, one at a time, across instances), leased until `leaseUntil`.
   */
  claim(channel: string, now: Date, limit: number, leaseUntil: Date): Promise<OutboxItem[]>;
  markSent(id: number, sentAs: string, at: Date): Promise<void>;
  /** A passing failure: try again at `at`. */
  retryAt(id: number, at: Date, error: string): Promise<void>;
  /** A failure that cannot succeed: kept with its reason, never retried. */
  markFailed(id: number, failure: OutboxFailure, error: string, at: Date): Promise<void>;
  /** The conversation's items, oldest first (for officers and tests). */
  forConversation(conversationId: string, options?: { status?: OutboxStatus }): Promise<OutboxItem[]>;
  /** How many items are still pending (all, or one conversation's). */
  pendingCount(channel: string, conversationId?: string): Promise<number>;
}
