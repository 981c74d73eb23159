/** ChatOutcome → the web-chat JSON response. */
import type { ChatOutcome } from '../../bot/conversation/conversation-service.ts';

export function toWebchatResponse(outcome: ChatOutcome) {
  return {
    conversationId: outcome.conversationId,
    replies: outcome.replies.map((reply) => ({
      text: reply.text,
      ...(reply.quickReplies?.length ? { quickReplies: reply.quickReplies } : {}),
      ...(reply.card ? { card: reply.card } : {}),
    })),
    intent: outcome.intent,
    procedure: outcome.procedure,
    confidence: Number(outcome.confidence.toFixed(3)),
    handoff: outcome.handoff,
    messageIds: outcome.messageIds,
  };
}
