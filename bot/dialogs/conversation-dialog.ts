/** Turns about the conversation itself: asking for an officer, greetings, thanks, off-topic, not understood. */
import {
  composeFallback,
  composeGreeting,
  composeHandoff,
  composeNegativeFeedback,
  composeOutOfScope,
  composeOutsideCatalog,
  composeThanks,
} from '../compose/conversation.ts';
import type { HandlerResult, TurnContext } from '../turn-context.ts';

export function requestOfficer(ctx: TurnContext): HandlerResult {
  return {
    replies: composeHandoff(),
    intent: 'handoff',
    procedure: null,
    confidence: ctx.understanding.payload?.type === 'officer' ? 1 : 0.9,
    handoff: 'citizen_request',
  };
}

/** "Trả lời sai", "vô dụng": apologise and hand over to a person. */
export function negativeFeedback(): HandlerResult {
  return { replies: composeNegativeFeedback(), intent: 'handoff', procedure: null, confidence: 0.8, handoff: 'negative_feedback' };
}

export function greet(): HandlerResult {
  return { replies: composeGreeting(), intent: 'greeting', procedure: null, confidence: 0.9 };
}

export function thank(): HandlerResult {
  return { replies: composeThanks(), intent: 'thanks', procedure: null, confidence: 0.9 };
}

export function outOfScope(ctx: TurnContext): HandlerResult {
  return { replies: composeOutOfScope(ctx.offerOfficer), intent: 'out_of_scope', procedure: null, confidence: 0.7, failed: true };
}

/** A matter the catalog does not hold (resolution none, outside_catalog). */
export function outsideCatalog(ctx: TurnContext): HandlerResult {
  const resolution = ctx.understanding.resolution;
  if (resolution.kind !== 'none' || resolution.reason !== 'outside_catalog') throw new Error('outsideCatalog needs an outside_catalog resolution');
  return { replies: composeOutsideCatalog(resolution.topic, ctx.offerOfficer), intent: 'out_of_scope', procedure: null, confidence: 0.7, failed: true };
}

export function fallback(ctx: TurnContext): HandlerResult {
  return { replies: composeFallback(ctx.offerOfficer), intent: 'fallback', procedure: null, confidence: 0, failed: true };
}
