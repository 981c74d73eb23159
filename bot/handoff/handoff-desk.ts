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
import { citizenSide } from './citizen-desk.ts';
import { createDeskContext } from './desk-context.ts';
import type { HandoffDesk, HandoffDeskDeps } from './desk-types.ts';
import { officerSide } from './officer-desk.ts';

export { DESK_CHANNEL, DeskError, type DeskErrorKind, type DeskQueue, type HandoffDesk, type HandoffDeskDeps, type QueueItem, type TransferTarget } from './desk-types.ts';

export function createHandoffDesk(deps: HandoffDeskDeps): HandoffDesk {
  const context = createDeskContext(deps);
  return { ...citizenSide(context), ...officerSide(context) };
}
