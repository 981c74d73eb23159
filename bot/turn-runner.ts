/**
 * Adapts handleTurn to the conversation service's `TurnRunner` (conversation-service.ts): the
 * stored state goes in, the new state comes out to be saved with the replies; a handoff request
 * carries the sector of the procedure under discussion so the ticket reaches the right officers.
 */
import type { ChatReply } from './chat-reply.ts';
import type { CoreTurnResult, TurnRunner } from './conversation/conversation-service.ts';
import type { TurnDeps } from './deps.ts';
import type { Reply } from './replies.ts';
import { handleTurn } from './turn.ts';

export function toChatReply(reply: Reply): ChatReply {
  const out: ChatReply = { text: reply.text };
  if (reply.kind !== 'text' && reply.quickReplies?.length) out.quickReplies = reply.quickReplies;
  if (reply.kind === 'card') out.card = reply.card;
  return out;
}

export function createTurnRunner(deps: TurnDeps): TurnRunner {
  return async (input): Promise<CoreTurnResult> => {
    const outcome = await handleTurn(
      {
        conversationId: input.conversationId,
        channel: input.channel,
        text: input.text,
        ...(input.payload ? { quickReplyPayload: input.payload } : {}),
        ...(input.clientKey ? { clientKey: input.clientKey } : {}),
        receivedAt: input.receivedAt,
        state: input.state,
      },
      deps,
    );
    const code = outcome.procedure?.code ?? outcome.state.procedure?.code;
    const sector = code ? deps.catalog.get(code)?.sector ?? null : null;
    return {
      replies: outcome.replies.map(toChatReply),
      intent: outcome.intent,
      procedure: outcome.procedure,
      confidence: outcome.confidence,
      state: outcome.state as unknown as Record<string, unknown>,
      handoffRequested: outcome.handoffRequested ? { reason: outcome.handoffRequested.reason, sector } : null,
    };
  };
}
