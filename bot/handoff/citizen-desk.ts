/**
 * The citizen side of the handoff desk (HandoffHooks, called by conversation-service.ts): a
 * rating or a callback number after a closed handoff, the queue notice when a handoff opens
 * (or the honest "answered later" outside office hours), and each message relayed to the
 * officer consoles while a ticket is open.
 */
import type { HandoffHooks } from '../conversation/conversation-service.ts';
import * as say from './desk-messages.ts';
import type { DeskContext } from './desk-context.ts';
import { DeskError } from './desk-types.ts';

const RATING_WINDOW_MS = 2 * 3_600_000;
const CALLBACK_WINDOW_MS = 24 * 3_600_000;

export function citizenSide(context: DeskContext): HandoffHooks {
  const { deps, now, rate, thank, publishDesk, queueNotice, answerLater, overdue } = context;
  return {
    async intercept({ conversationId, text, payload, log }) {
      const clicked = say.parseRatingPayload(payload);
      if (clicked) {
        const ticket = await deps.tickets.get(clicked.ticketId);
        if (!ticket || ticket.conversationId !== conversationId || ticket.state !== 'closed' || !ticket.officerId) return null;
        return rate(ticket, clicked.rating);
      }
      // Only a typed rating or a callback number concerns a closed handoff: any other message
      // (nearly every turn) goes to the bot without a look at the ticket history.
      const typed = say.parseTypedRating(text);
      const typedPhone = say.findPhoneNumber(text);
      if (typed === null && !typedPhone) return null;
      const latest = await deps.records.latestClosed(conversationId);
      if (!latest?.ticket.closedAt) return null;
      const age = now().getTime() - Date.parse(latest.ticket.closedAt);
      if (typed !== null && latest.ticket.officerId && latest.rating === null && latest.followUp === null && age < RATING_WINDOW_MS) {
        return rate(latest.ticket, typed);
      }
      const phone = latest.followUp === 'pending' && !latest.ticket.callbackPhone && age < CALLBACK_WINDOW_MS ? typedPhone : null;
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
  };
}
