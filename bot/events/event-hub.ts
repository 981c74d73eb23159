/**
 * Conversation events (a bot or officer message, a handoff change, a dossier status change) that
 * reach a citizen's open channel later — the web chat's event stream, Zalo pushes. One interface;
 * in-process by default, Redis-backed when several instances share the work.
 */
export interface ConversationEvent {
  conversationId: string;
  type: 'message' | 'handoff' | 'status';
  from: 'citizen' | 'bot' | 'officer' | 'system';
  text: string;
  /** Message id in the store, when the event is a stored message (lets clients de-duplicate). */
  messageId?: number;
  data?: Record<string, unknown>;
  /** Choices offered with the message (e.g. the 1–5 rating after an officer closes). */
  quickReplies?: Array<{ label: string; payload: string }>;
  at: string;
}

export type EventListener = (event: ConversationEvent) => void;

export interface EventHub {
  /**
   * Never rejects: callers publish after their write has committed, and a request must not fail
   * then. If the transport (Redis) fails, the event still reaches this instance's listeners and
   * `status()` says `down`; other instances' event streams catch up from the database.
   */
  publish(event: ConversationEvent): Promise<void>;
  /** The shared transport, when there is one (Redis): `ok`, or `down` while it cannot be reached. */
  status?(): 'ok' | 'down';
  /** Returns the unsubscribe function. */
  subscribe(conversationId: string, listener: EventListener): () => void;
  /**
   * Every event of every conversation (a push channel's delivery picks out its own); with Redis,
   * the events of every instance. Returns the unsubscribe function.
   */
  subscribeAll(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** Calls each listener; one that throws neither stops the others nor fails the publisher. */
export function deliver(listeners: Iterable<EventListener>, event: ConversationEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      /* a listener's failure is its own (a closed stream) */
    }
  }
}

export function createMemoryEventHub(): EventHub {
  const listeners = new Map<string, Set<EventListener>>();
  const everything = new Set<EventListener>();
  return {
    async publish(event) {
      deliver(listeners.get(event.conversationId) ?? [], event);
      deliver(everything, event);
    },
    subscribe(conversationId, listener) {
      const set = listeners.get(conversationId) ?? new Set<EventListener>();
      set.add(listener);
      listeners.set(conversationId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(conversationId);
      };
    },
    subscribeAll(listener) {
      everything.add(listener);
      return () => {
        everything.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      everything.clear();
    },
  };
}
