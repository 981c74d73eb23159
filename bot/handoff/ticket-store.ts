/** Handoff tickets: one open ticket per conversation at most; every write version-checked. */
import type { EndReason, HandoffState, HandoffTrigger } from './handoff-states.ts';

export interface Ticket {
  id: string;
  conversationId: string;
  channel: string;
  state: Exclude<HandoffState, 'bot'>;
  trigger: HandoffTrigger;
  sector: string | null;
  procedureCode: string | null;
  officerId: string | null;
  version: number;
  waitingSince: string;
  claimedAt: string | null;
  closedAt: string | null;
  endReason: EndReason | null;
  summary: string;
  callbackPhone: string | null;
}

export interface NewTicket {
  conversationId: string;
  channel: string;
  trigger: HandoffTrigger;
  sector?: string | null;
  procedureCode?: string | null;
  summary?: string;
}

export class TicketConflictError extends Error {
  constructor(readonly ticketId: string, reason: string) {
    super(`ticket ${ticketId}: ${reason}`);
    this.name = 'TicketConflictError';
  }
}

export interface TicketStore {
  /** Opens a ticket, or returns the conversation's already-open one (never two). */
  open(ticket: NewTicket): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | null>;
  /** The conversation's open (not closed) ticket, if any. */
  openFor(conversationId: string): Promise<Ticket | null>;
  /** Waiting tickets, oldest first. */
  queue(): Promise<Ticket[]>;
  /**
   * Moves a ticket to `to` iff it is still at `expectedVersion` and the transition is allowed;
   * also bumps the conversation's version so an in-flight bot reply can't land after it.
   */
  transition(
    id: string,
    expectedVersion: number,
    to: Ticket['state'],
    patch?: { officerId?: string | null; endReason?: EndReason; callbackPhone?: string },
  ): Promise<Ticket>;
}
