/** The types one turn passes around: the inbound turn, what the bot understood, what it decided. */
import type { Procedure } from '../knowledge/schema.ts';
import type { InboundMessage } from './channel.ts';
import type { HandoffTrigger } from './handoff/handoff-states.ts';
import type { ConversationState, Pending, ProcedureRef } from './conversation/conversation-state.ts';
import type { TurnDeps } from './deps.ts';
import type { Classification } from './intents/classify.ts';
import type { AnswerOutcome } from './insights/answer-outcome.ts';
import type { Intent } from './intents/intent.ts';
import type { ParsedPayload, Reply } from './replies.ts';
import type { Resolution } from './resolve/procedure-resolver.ts';

/** One citizen message as a channel delivered it, in its conversation: what handleTurn reads. */
export interface Turn extends InboundMessage {
  conversationId: string;
  receivedAt: Date;
  /** The state returned by the previous turn (unvalidated JSON is fine: it is parsed). */
  state?: unknown;
}

export interface TurnOutcome {
  replies: Reply[];
  intent: Intent;
  procedure: ProcedureRef | null;
  confidence: number;
  /** What became of the turn (answered, clarify, not found …), recorded for the insights. */
  outcome: AnswerOutcome;
  /** Persist and pass back with the next turn. */
  state: ConversationState;
  /** The citizen should reach an officer; `sector` routes the ticket (that of the procedure under discussion). */
  handoffRequested: null | { reason: HandoffTrigger; sector: string | null };
}

/** What the bot made of the message before choosing a route. */
export interface Understanding {
  words: Classification;
  payload: ParsedPayload | null;
  /** The message's topic resolved against the catalog (`none` when it names nothing). */
  resolution: Resolution;
  /** The procedure under discussion, if still in the catalog. */
  current: Procedure | null;
  /** The xã/phường this message names (among the local data's), if any. */
  commune: string | null;
}

/** What a route decided; turn.ts turns it into the outcome and the next state. */
export interface HandlerResult {
  replies: Reply[];
  intent: Intent;
  procedure: Procedure | null;
  confidence: number;
  /** The bot could not help (counts toward offering an officer). */
  failed?: boolean;
  /** A question the bot is now waiting to hear answered. */
  pending?: Pending | null;
  handoff?: HandoffTrigger;
}

export interface TurnContext {
  turn: Turn;
  deps: TurnDeps;
  /** The state as it was before this turn. */
  state: ConversationState;
  /** Filled by the understanding step. */
  understanding: Understanding;
  /** True when this turn would be the second failure in a row: offer an officer. */
  offerOfficer: boolean;
  /** Filled by the route's handler (or the error boundary). */
  result?: HandlerResult;
  /** Name of the route that handled the turn (for logs and tests). */
  route?: string;
}
