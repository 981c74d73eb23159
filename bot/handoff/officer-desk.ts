/**
 * The officer side of the handoff desk: the queue by sector, claim, reply (a reply to a waiting
 * ticket is a takeover), transfer, close, and expiring tickets nobody claimed in time. Every
 * state change is version-checked, so of two racing officers exactly one wins.
 */
import * as say from './desk-messages.ts';
import type { DeskContext } from './desk-context.ts';
import { DeskError, type HandoffDesk, type QueueItem } from './desk-types.ts';
import { END_REASONS } from './handoff-states.ts';
import { handlesSector, type Officer } from './officer.ts';
import type { Ticket } from './ticket-store.ts';

export type OfficerSide = Omit<HandoffDesk, 'intercept' | 'opened' | 'relayed'>;

export function officerSide(context: DeskContext): OfficerSide {
  const { deps, now, tell, publishDesk, resumeBot, guarded, visibleTicket, overdue, answerLater } = context;

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
