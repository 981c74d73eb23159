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
  publish(event: ConversationEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(conversationId: string, listener: EventListener): () => void;
  /**
   * Every event of every conversation (a push channel's delivery picks out its own); with Redis,
   * the events of every instance. Returns the unsubscribe function.
   */
  subscribeAll(listener: EventListener): () => void;
  close(): Promise<void>;
}

export function createMemoryEventHub(): EventHub {
  const listeners = new Map<string, Set<EventListener>>();
  const everything = new Set<EventListener>();
  return {
    async publish(event) {
      for (const listener of listeners.get(event.conversationId) ?? []) listener(event);
      for (const listener of everything) listener(event);
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
