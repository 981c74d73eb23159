/**
 * The handoff desk: everything between the citizen's "cho tôi gặp cán bộ" and the bot taking
 * over again. Citizen side (HandoffHooks, called by conversation-service.ts): the queue position
 * and expected wait, office hours and the claim timeout (the request then becomes a ticket
 * answered later, with a callback number if one is left), the 1–5 rating after close. Officer
 * side: queue by sector, claim, reply (a reply to a waiting ticket is a takeover), transfer,
 * close. Every state change goes through the version-checked TicketStore, so of two racing
 * writers exactly one wins; the loser gets a DeskError('conflict').
 *
 * Events: citizen-facing messages on the conversation's channel; officer-facing ones on
 * DESK_CHANNEL (carried between instances by the Redis event hub like any conversation).
 */
import type { QuickReply } from '../chat-reply.ts';
import type { DeskNotice, HandoffHooks } from '../conversation-service.ts';
import type { EventHub } from '../events/event-hub.ts';
import { VersionConflictError, type ConversationStore, type MessageAuthor, type StoredMessage } from '../store/conversation-store.ts';
import * as say from './desk-messages.ts';
import type { HandoffRecords } from './handoff-records.ts';
import { END_REASONS, InvalidTransitionError, type EndReason } from './handoff-states.ts';
import { formatVietnamTime, type OfficeHours } from './office-hours.ts';
import { handlesSector, type Officer, type OfficerDirectory } from './officer.ts';
import { TicketConflictError, type Ticket, type TicketStore } from './ticket-store.ts';

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

const RATING_WINDOW_MS = 2 * 3_600_000;
const CALLBACK_WINDOW_MS = 24 * 3_600_000;

export function createHandoffDesk(deps: HandoffDeskDeps): HandoffDesk {
  const now = deps.now ?? (() => new Date());
  const minutesPerTicket = deps.minutesPerTicket ?? 3;
  const timeoutMs = deps.claimTimeoutMinutes * 60_000;

  async function publishDesk(ticket: Ticket, type: 'handoff' | 'message', text: string, extra: { from?: MessageAuthor; messageId?: number } = {}) {
    await deps.events.publish({
      conversationId: DESK_CHANNEL,
      type,
      from: extra.from ?? 'system',
      text,
      ...(extra.messageId ? { messageId: extra.messageId } : {}),
      data: { ticketId: ticket.id, conversationId: ticket.conversationId, sector: ticket.sector, officerId: ticket.officerId, state: ticket.state },
      at: now().toISOString(),
    });
  }

  /** Stores a message in the conversation and sends it to the citizen's open channel. */
  async function tell(conversationId: string, author: MessageAuthor, text: string, quickReplies?: QuickReply[], intent = 'handoff'): Promise<StoredMessage> {
    const [message] = await deps.store.append(conversationId, [{ author, text, intent, ...(quickReplies ? { payload: { quickReplies } } : {}) }]);
    const stored = message as StoredMessage;
    await deps.events.publish({
      conversationId, type: 'message', from: author, text, messageId: stored.id, at: stored.createdAt, ...(quickReplies ? { quickReplies } : {}),
    });
    return stored;
  }

  /** The bot takes over again with no stale handoff context (no pending question, no failure count). */
  async function resumeBot(conversationId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const conversation = await deps.store.get(conversationId);
      if (!conversation) return;
      const state = { ...conversation.state, handoffRequested: false, failedTurns: 0, pending: null };
      try {
        await deps.store.saveState(conversationId, state, conversation.version);
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
  }

  async function guarded<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof TicketConflictError || error instanceof InvalidTransitionError) {
        throw new DeskError('conflict', 'Yêu cầu này vừa được cán bộ khác xử lý (đã tiếp nhận, chuyển hoặc kết thúc). Vui lòng tải lại.', error.message);
      }
      throw error;
    }
  }

  async function visibleTicket(officer: Officer, ticketId: string): Promise<Ticket> {
    const ticket = await deps.tickets.get(ticketId);
    if (!ticket) throw new DeskError('not_found', 'Không tìm thấy yêu cầu hỗ trợ này.');
    if (!handlesSector(officer, ticket.sector)) {
      throw new DeskError('forbidden', `Yêu cầu này thuộc lĩnh vực ${ticket.sector}, không thuộc lĩnh vực bạn phụ trách.`);
    }
    return ticket;
  }

  async function positionOf(ticket: Ticket): Promise<number> {
    const waiting = (await deps.tickets.queue()).filter((t) => t.sector === ticket.sector);
    const index = waiting.findIndex((t) => t.id === ticket.id);
    return index < 0 ? 1 : index + 1;
  }

  const overdue = (ticket: Ticket) => ticket.state === 'waiting_officer' && now().getTime() - Date.parse(ticket.waitingSince) >= timeoutMs;

  async function queueNotice(ticket: Ticket): Promise<DeskNotice> {
    const position = await positionOf(ticket);
    const wait = Math.max(1, Math.min(position * minutesPerTicket, Math.ceil(deps.claimTimeoutMinutes)));
    const notice = await tell(ticket.conversationId, 'system', say.queueNotice(ticket.sector, position, wait, deps.claimTimeoutMinutes));
    return { replies: [{ text: notice.text }], messageIds: [notice.id], handoff: { state: ticket.state, ticketId: ticket.id, queuePosition: position, expectedWaitMinutes: wait } };
  }

  /** No officer can take it live: close it as a ticket answered later and tell the citizen honestly. */
  async function answerLater(ticket: Ticket, reason: 'outside_office_hours' | 'no_officer_available'): Promise<DeskNotice> {
    const closed = await guarded(() => deps.tickets.transition(ticket.id, ticket.version, 'closed', { endReason: reason }));
    await deps.records.setFollowUp(closed.id, 'pending');
    await resumeBot(closed.conversationId);
    const opening = deps.officeHours.nextOpening(now());
    const text = reason === 'outside_office_hours'
      ? say.outsideHoursNotice(deps.officeHours.description, opening ? formatVietnamTime(opening) : null)
      : say.noOfficerNotice(deps.claimTimeoutMinutes);
    const notice = await tell(closed.conversationId, 'system', text);
    await publishDesk(closed, 'handoff', 'follow_up');
    deps.log?.info({ ticketId: closed.id, reason }, 'handoff answered later');
    return { replies: [{ text }], messageIds: [notice.id], handoff: { state: 'closed', ticketId: closed.id, answeredLater: true } };
  }

  async function thank(conversationId: string, text: string, intent: string): Promise<DeskNotice> {
    const [message] = await deps.store.append(conversationId, [{ author: 'bot', text, intent }]);
    return { replies: [{ text }], messageIds: message ? [message.id] : [], handoff: null, intent };
  }

  async function rate(ticket: Ticket, rating: number): Promise<DeskNotice> {
    const stored = await deps.records.rate(ticket, rating);
    if (stored) deps.log?.info({ ticketId: ticket.id, officerId: ticket.officerId, rating }, 'handoff rated');
    return thank(ticket.conversationId, stored ? say.thanksForRating(rating) : say.ALREADY_RATED, 'rating');
  }

  const toItem = (ticket: Ticket, position?: number): QueueItem => ({
    ticketId: ticket.id,
    conversationId: ticket.conversationId,
    channel: ticket.channel,
    state: ticket.state,
    sector: ticket.sector,
    procedureCode: ticket.procedureCode,
    trigger: ticket.trigger,
    officerId: ticket.officerId,
    waitingSince: ticket.waitingSince,
    waitingSeconds: Math.max(0, Math.round((now().getTime() - Date.parse(ticket.waitingSince)) / 1000)),
    ...(position ? { position } : {}),
    summary: ticket.summary,
    callbackPhone: ticket.callbackPhone,
  });

  const mayManage = (officer: Officer, ticket: Ticket) =>
    officer.role === 'supervisor' || ticket.officerId === officer.id || (ticket.state === 'waiting_officer' && handlesSector(officer, ticket.sector));

  return {
    async intercept({ conversationId, text, payload, log }) {
      const clicked = say.parseRatingPayload(payload);
      if (clicked) {
        const ticket = await deps.tickets.get(clicked.ticketId);
        if (!ticket || ticket.conversationId !== conversationId || ticket.state !== 'closed' || !ticket.officerId) return null;
        return rate(ticket, clicked.rating);
      }
      const latest = await deps.records.latestClosed(conversationId);
      if (!latest?.ticket.closedAt) return null;
      const age = now().getTime() - Date.parse(latest.ticket.closedAt);
      const typed = say.parseTypedRating(text);
      if (typed !== null && latest.ticket.officerId && latest.rating === null && latest.followUp === null && age < RATING_WINDOW_MS) {
        return rate(latest.ticket, typed);
      }
      const phone = latest.followUp === 'pending' && !latest.ticket.callbackPhone && age < CALLBACK_WINDOW_MS ? say.findPhoneNumber(text) : null;
      if (phone) {
        await deps.records.setCallbackPhone(latest.ticket.id, phone);
        log?.info({ ticketId: latest.ticket.id, callbackPhone: say.maskPhone(phone) }, 'callback number left');
        await publishDesk(latest.ticket, 'handoff', 'callback');
        return thank(conversationId, say.callbackNotice(say.maskPhone(phone)), 'handoff');
      }
      return null;
    },

    async opened(ticket, created, text, log) {
      if (!created) return queueNotice(ticket);
      const phone = say.findPhoneNumber(text);
      if (phone) {
        await deps.records.setCallbackPhone(ticket.id, phone);
        log?.info({ ticketId: ticket.id, callbackPhone: say.maskPhone(phone) }, 'callback number left');
      }
      await publishDesk(ticket, 'handoff', 'opened');
      if (!deps.officeHours.isOpen(now())) return answerLater(ticket, 'outside_office_hours');
      return queueNotice(ticket);
    },

    async relayed(ticket, citizen) {
      await publishDesk(ticket, 'message', citizen.text, { from: 'citizen', messageId: citizen.id });
      if (ticket.state !== 'waiting_officer') return { replies: [], messageIds: [], handoff: { state: ticket.state, ticketId: ticket.id } };
      if (overdue(ticket)) {
        try {
          return await answerLater(ticket, 'no_officer_available');
        } catch (error) {
          if (!(error instanceof DeskError)) throw error; // claimed meanwhile: fall through to the queue notice
          const latest = await deps.tickets.get(ticket.id);
          if (latest && latest.state !== 'waiting_officer') return { replies: [], messageIds: [], handoff: { state: latest.state, ticketId: latest.id } };
        }
      }
      return queueNotice(ticket);
    },

    async queue(officer) {
      const open = (await deps.records.openTickets()).filter((t) => handlesSector(officer, t.sector));
      const positions = new Map<string | null, number>();
      const items: QueueItem[] = [];
      for (const ticket of (await deps.tickets.queue())) {
        const position = (positions.get(ticket.sector) ?? 0) + 1;
        positions.set(ticket.sector, position);
        if (handlesSector(officer, ticket.sector)) items.push(toItem(ticket, position));
      }
      const claimed = open.filter((t) => t.state === 'with_officer');
      const followUps = (await deps.records.followUps()).filter((t) => handlesSector(officer, t.sector));
      return {
        items,
        mine: claimed.filter((t) => t.officerId === officer.id).map((t) => toItem(t)),
        others: claimed.filter((t) => t.officerId !== officer.id).map((t) => toItem(t)),
        followUps: followUps.map((t) => toItem(t)),
      };
    },

    ticket: visibleTicket,

    async claim(officer, ticketId) {
      const ticket = await visibleTicket(officer, ticketId);
      if (ticket.state !== 'waiting_officer') {
        throw new DeskError('conflict', ticket.state === 'with_officer' ? 'Yêu cầu này đã được cán bộ khác tiếp nhận.' : 'Yêu cầu này đã kết thúc.');
      }
      const claimed = await guarded(() => deps.tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: officer.id }));
      await tell(claimed.conversationId, 'system', say.claimedNotice(officer.displayName));
      await publishDesk(claimed, 'handoff', 'claimed');
      return claimed;
    },

    async reply(officer, ticketId, text) {
      let ticket = await visibleTicket(officer, ticketId);
      if (ticket.state === 'waiting_officer') {
        // Any officer message to a waiting conversation is a takeover (version-checked like a claim).
        const current = ticket;
        ticket = await guarded(() => deps.tickets.transition(current.id, current.version, 'with_officer', { officerId: officer.id }));
        await publishDesk(ticket, 'handoff', 'claimed');
      } else if (ticket.state === 'with_officer') {
        if (ticket.officerId !== officer.id) throw new DeskError('forbidden', 'Yêu cầu này đang do cán bộ khác phụ trách.');
      } else if ((await deps.records.followUpOf(ticket.id)) === 'pending') {
        await deps.records.setFollowUp(ticket.id, 'done');
      } else {
        throw new DeskError('conflict', 'Yêu cầu này đã kết thúc, không gửi thêm tin nhắn được.');
      }
      const message = await tell(ticket.conversationId, 'officer', text);
      await publishDesk(ticket, 'message', text, { from: 'officer', messageId: message.id });
      return { ticket, message };
    },

    async transfer(officer, ticketId, target) {
      const ticket = await visibleTicket(officer, ticketId);
      if (ticket.state === 'closed') throw new DeskError('conflict', 'Yêu cầu này đã kết thúc.');
      if (!(officer.role === 'supervisor' || ticket.officerId === officer.id)) {
        throw new DeskError('forbidden', 'Chỉ cán bộ đang phụ trách hoặc giám sát viên mới chuyển được yêu cầu này.');
      }
      if ('queue' in target) {
        if (ticket.state !== 'with_officer') throw new DeskError('conflict', 'Yêu cầu này đang ở hàng chờ.');
        const back = await guarded(() => deps.tickets.transition(ticket.id, ticket.version, 'waiting_officer'));
        await tell(back.conversationId, 'system', say.transferNotice(null));
        await publishDesk(back, 'handoff', 'transferred');
        return back;
      }
      const to = await deps.officers.get(target.officerId);
      if (!to) throw new DeskError('not_found', 'Không tìm thấy cán bộ nhận chuyển.');
      if (!handlesSector(to, ticket.sector)) throw new DeskError('forbidden', `Cán bộ ${to.displayName} không phụ trách lĩnh vực ${ticket.sector}.`);
      const moved = await guarded(() => deps.tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: to.id }));
      await tell(moved.conversationId, 'system', say.transferNotice(to.displayName));
      await publishDesk(moved, 'handoff', 'transferred');
      return moved;
    },

    async close(officer, ticketId, reason) {
      if (!(END_REASONS as readonly string[]).includes(reason)) throw new DeskError('invalid', `Lý do kết thúc phải là một trong: ${END_REASONS.join(', ')}.`);
      const ticket = await visibleTicket(officer, ticketId);
      if (ticket.state === 'closed') throw new DeskError('conflict', 'Yêu cầu này đã kết thúc.');
      if (!mayManage(officer, ticket)) throw new DeskError('forbidden', 'Yêu cầu này đang do cán bộ khác phụ trách.');
      const closed = await guarded(() => deps.tickets.transition(ticket.id, ticket.version, 'closed', { endReason: reason }));
      await resumeBot(closed.conversationId);
      if (closed.officerId) await tell(closed.conversationId, 'system', say.RESUME_WITH_RATING, say.ratingQuickReplies(closed.id), 'rating_request');
      else await tell(closed.conversationId, 'system', say.RESUME_WITHOUT_OFFICER);
      await publishDesk(closed, 'handoff', 'closed');
      return closed;
    },

    async expireStale() {
      let expired = 0;
      for (const ticket of await deps.tickets.queue()) {
        if (!overdue(ticket)) continue;
        try {
          await answerLater(ticket, 'no_officer_available');
          expired += 1;
        } catch (error) {
          if (!(error instanceof DeskError)) deps.log?.warn({ err: error, ticketId: ticket.id }, 'expiring a handoff failed');
        }
      }
      return expired;
    },
  };
}

