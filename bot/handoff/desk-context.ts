/**
 * What both sides of the handoff desk share: telling the citizen (stored, then published on the
 * conversation's channel), telling the officer consoles (DESK_CHANNEL), handing the
 * conversation back to the bot, version-checked writes that turn a lost race into a
 * DeskError('conflict'), the queue notice, and closing a ticket to be answered later.
 */
import { textReply, type QuickReply } from '../replies.ts';
import type { DeskNotice } from '../conversation/conversation-service.ts';
import { VersionConflictError, type MessageAuthor, type StoredMessage } from '../conversation/conversation-store.ts';
import * as say from './desk-messages.ts';
import { DESK_CHANNEL, DeskError, type HandoffDeskDeps } from './desk-types.ts';
import { InvalidTransitionError } from './handoff-states.ts';
import { formatVietnamTime } from './office-hours.ts';
import { handlesSector, type Officer } from './officer.ts';
import { TicketConflictError, type Ticket } from './ticket-store.ts';

export type DeskContext = ReturnType<typeof createDeskContext>;

export function createDeskContext(deps: HandoffDeskDeps) {
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
    return { replies: [textReply(notice.text)], messageIds: [notice.id], handoff: { state: ticket.state, ticketId: ticket.id, queuePosition: position, expectedWaitMinutes: wait } };
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
    return { replies: [textReply(text)], messageIds: [notice.id], handoff: { state: 'closed', ticketId: closed.id, answeredLater: true } };
  }

  async function thank(conversationId: string, text: string, intent: string): Promise<DeskNotice> {
    const [message] = await deps.store.append(conversationId, [{ author: 'bot', text, intent }]);
    return { replies: [textReply(text)], messageIds: message ? [message.id] : [], handoff: null, intent };
  }

  async function rate(ticket: Ticket, rating: number): Promise<DeskNotice> {
    const stored = await deps.records.rate(ticket, rating);
    if (stored) deps.log?.info({ ticketId: ticket.id, officerId: ticket.officerId, rating }, 'handoff rated');
    return thank(ticket.conversationId, stored ? say.thanksForRating(rating) : say.ALREADY_RATED, 'rating');
  }

  return { deps, now, minutesPerTicket, publishDesk, tell, resumeBot, guarded, visibleTicket, overdue, queueNotice, answerLater, thank, rate };
}
