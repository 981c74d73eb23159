/**
 * The handoff desk's shapes: its dependencies, the officer queue, the errors it throws, and the
 * desk itself (citizen-side hooks plus officer operations). See handoff-desk.ts.
 */
import type { HandoffHooks } from '../conversation/conversation-service.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { ConversationStore, StoredMessage } from '../conversation/conversation-store.ts';
import type { HandoffRecords } from './handoff-record-store.ts';
import type { EndReason } from './handoff-states.ts';
import type { OfficeHours } from './office-hours.ts';
import type { Officer, OfficerDirectory } from './officer.ts';
import type { Ticket, TicketStore } from './ticket-store.ts';

/** The event-hub "conversation" every officer console listens to. */
export const DESK_CHANNEL = '__officer_desk__';

export type DeskErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid';

export class DeskError extends Error {
  constructor(readonly kind: DeskErrorKind, readonly userMessage: string, detail?: string) {
    super(detail ?? userMessage);
    this.name = 'DeskError';
  }
}

interface DeskLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

export interface HandoffDeskDeps {
  store: ConversationStore;
  tickets: TicketStore;
  records: HandoffRecords;
  events: EventHub;
  officers: OfficerDirectory;
  officeHours: OfficeHours;
  claimTimeoutMinutes: number;
  /** Expected wait per citizen ahead in the queue (minutes). */
  minutesPerTicket?: number;
  now?: () => Date;
  log?: DeskLogger;
}

export interface QueueItem {
  ticketId: string;
  conversationId: string;
  channel: string;
  state: Ticket['state'];
  sector: string | null;
  procedureCode: string | null;
  trigger: Ticket['trigger'];
  officerId: string | null;
  waitingSince: string;
  waitingSeconds: number;
  /** Place in its sector's queue (waiting tickets only). */
  position?: number;
  summary: string;
  callbackPhone: string | null;
}

export interface DeskQueue {
  /** Waiting tickets this officer may take, oldest first. */
  items: QueueItem[];
  /** Tickets this officer is talking in. */
  mine: QueueItem[];
  /** Claimed by others (supervisors see all, officers their sectors). */
  others: QueueItem[];
  /** Tickets to answer later (timeout, outside office hours). */
  followUps: QueueItem[];
}

export type TransferTarget = { officerId: string } | { queue: true };

export interface HandoffDesk extends HandoffHooks {
  queue(officer: Officer): Promise<DeskQueue>;
  /** The ticket if this officer may see it. */
  ticket(officer: Officer, ticketId: string): Promise<Ticket>;
  claim(officer: Officer, ticketId: string): Promise<Ticket>;
  reply(officer: Officer, ticketId: string, text: string): Promise<{ ticket: Ticket; message: StoredMessage }>;
  transfer(officer: Officer, ticketId: string, target: TransferTarget): Promise<Ticket>;
  close(officer: Officer, ticketId: string, reason: EndReason): Promise<Ticket>;
  /** Closes waiting tickets past the claim timeout as answered-later; returns how many. */
  expireStale(): Promise<number>;
}
