/**
 * What the handoff desk keeps beside the ticket state machine: follow-ups (tickets answered
 * later because no officer could take them live), callback numbers and satisfaction ratings.
 */
import type { Ticket } from './ticket-store.ts';

export type FollowUp = 'pending' | 'done';

export interface ClosedTicket {
  ticket: Ticket;
  followUp: FollowUp | null;
  rating: number | null;
}

export interface HandoffRecords {
  /** Waiting and claimed tickets, oldest first. */
  openTickets(): Promise<Ticket[]>;
  /** Closed tickets still to be answered later, oldest first. */
  followUps(): Promise<Ticket[]>;
  followUpOf(ticketId: string): Promise<FollowUp | null>;
  setFollowUp(ticketId: string, value: FollowUp): Promise<void>;
  setCallbackPhone(ticketId: string, phone: string): Promise<void>;
  /** The conversation's most recently closed ticket. */
  latestClosed(conversationId: string): Promise<ClosedTicket | null>;
  /** Stores a 1–5 rating once per ticket; false if it was rated already. */
  rate(ticket: Ticket, rating: number): Promise<boolean>;
  /** Average rating and count per officer. */
  ratingsByOfficer(): Promise<Array<{ officerId: string; average: number; count: number }>>;
}
