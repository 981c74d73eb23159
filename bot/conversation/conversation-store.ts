/**
 * Conversations and their messages, persisted so they survive a restart. The state is the bot's
 * opaque per-conversation JSON; writes are version-checked so two writers can't both win.
 */
import type { AnswerOutcome } from '../insights/answer-outcome.ts';

export type MessageAuthor = 'citizen' | 'bot' | 'officer' | 'system';

export interface StoredMessage {
  id: number;
  conversationId: string;
  author: MessageAuthor;
  text: string;
  /** Rich content (quick replies, card) as the bot produced it. */
  payload: unknown;
  intent: string | null;
  procedureCode: string | null;
  createdAt: string;
}

export interface NewMessage {
  author: MessageAuthor;
  text: string;
  payload?: unknown;
  intent?: string | null;
  procedureCode?: string | null;
  /** A bot answer: what the turn made of the question (for the insights). */
  answer?: AnswerMeta;
}

/** Kept with each bot answer: the citizen message it answers, the turn's outcome and confidence. */
export interface AnswerMeta {
  replyTo: number;
  outcome: AnswerOutcome;
  confidence: number;
}

export interface Conversation {
  id: string;
  channel: string;
  state: Record<string, unknown>;
  version: number;
  /** True while a handoff ticket is open (kept with the version by the ticket store). */
  handoffOpen: boolean;
  createdAt: string;
  updatedAt: string;
}

export class VersionConflictError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} was changed by another writer`);
    this.name = 'VersionConflictError';
  }
}

export interface ConversationStore {
  get(id: string): Promise<Conversation | null>;
  /** Creates the conversation if absent; returns the stored one either way. */
  ensure(id: string, channel: string): Promise<Conversation>;
  /** Writes the new state iff the stored version is `expectedVersion`; returns the new version. */
  saveState(id: string, state: Record<string, unknown>, expectedVersion: number): Promise<number>;
  append(conversationId: string, messages: NewMessage[]): Promise<StoredMessage[]>;
  /**
   * A citizen's message arriving, in one write: appended to conversation `id` when it exists,
   * else (and when `id` is null) to a new conversation created as `newId` on `channel` — an
   * unknown id from a client never names a new conversation. Returns the conversation as it
   * stands (appending does not change its version) and the stored message.
   */
  receive(id: string | null, newId: string, channel: string, message: NewMessage): Promise<{ conversation: Conversation; message: StoredMessage }>;
  /**
   * One bot turn, atomically: the new state and the bot's messages land together iff the
   * conversation is still at `expectedVersion` (an officer taking over bumps it, so a bot reply
   * computed before the takeover is dropped, never sent). Returns the stored messages and version.
   */
  saveTurn(
    id: string,
    expectedVersion: number,
    state: Record<string, unknown>,
    messages: NewMessage[],
  ): Promise<{ version: number; messages: StoredMessage[] }>;
  messages(conversationId: string, options?: { afterId?: number; limit?: number }): Promise<StoredMessage[]>;
  /** The id of the conversation's newest message (0 when none): where a new event stream starts. */
  lastMessageId(conversationId: string): Promise<number>;
  /**
   * Retention: deletes (in batches of `batch`) every conversation with no write and no message
   * since `before` and no open ticket, with its messages, tickets, subscriptions and push-channel
   * rows. Returns how many were deleted.
   */
  purgeInactive(before: Date, batch?: number): Promise<number>;
}
