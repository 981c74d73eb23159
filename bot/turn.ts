/**
 * handleTurn(turn, deps) → outcome: one citizen message in, typed replies and the next state
 * out. Pure with respect to channels (no HTTP types); the caller persists `outcome.state` and
 * passes it back with the next turn, and opens a ticket when `handoffRequested` is set.
 *
 * Steps run as middleware (error boundary → understanding → optional rephrasing) around the
 * route table (dialogs/routes.ts). A failing dependency becomes a polite apology — handleTurn
 * does not throw.
 */
import { parseState, type ConversationState } from './conversation/conversation-state.ts';
import { OFFICER_QUICK_REPLY } from './compose/conversation.ts';
import type { TurnDeps } from './deps.ts';
import { ROUTES } from './dialogs/routes.ts';
import { understand } from './dialogs/understand.ts';
import { answerOutcome } from './insights/answer-outcome.ts';
import { toBotError } from './errors.ts';
import { wordIntent } from './intents/classify.ts';
import { compose, type Middleware } from './middleware.ts';
import { quickRepliesReply } from './replies.ts';
import { selectRoute } from './router.ts';
import type { HandlerResult, Turn, TurnContext, TurnOutcome, Understanding } from './turn-context.ts';

export type { Turn, TurnOutcome } from './turn-context.ts';

/** Failures in a row after which the officer is offered as a button. */
export const FAILURES_BEFORE_OFFICER = 2;

const errorBoundary: Middleware<TurnContext> = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    const botError = toBotError(error);
    ctx.deps.log?.warn({ err: botError, code: botError.code, conversationId: ctx.turn.conversationId }, botError.message);
    const words = ctx.understanding?.words;
    ctx.route = 'error';
    ctx.result = {
      replies: [quickRepliesReply(botError.userMessage, [OFFICER_QUICK_REPLY])],
      intent: words ? wordIntent(words) : 'fallback',
      procedure: null,
      confidence: 0,
    };
  }
};

const understanding: Middleware<TurnContext> = async (ctx, next) => {
  ctx.understanding = await understand(ctx.turn, ctx.state, ctx.deps);
  await next();
};

/** The seam for rewording replies (e.g. an LLM); keeps the composed replies if it fails. */
const rephrasing: Middleware<TurnContext> = async (ctx, next) => {
  await next();
  const rephrase = ctx.deps.rephrase;
  if (!rephrase || !ctx.result || ctx.result.replies.length === 0) return;
  try {
    const replies = await rephrase({
      question: ctx.turn.text,
      intent: ctx.result.intent,
      procedure: ctx.result.procedure,
      replies: ctx.result.replies,
    });
    if (replies.length > 0) ctx.result = { ...ctx.result, replies };
  } catch (error) {
    ctx.deps.log?.warn({ err: error, conversationId: ctx.turn.conversationId }, 'rephrase failed; composed replies kept');
  }
};

const route = async (ctx: TurnContext): Promise<void> => {
  const chosen = selectRoute(ROUTES, ctx);
  if (!chosen) return;
  ctx.route = chosen.name;
  ctx.result = await chosen.handler(ctx);
};

const pipeline = compose<TurnContext>([errorBoundary, understanding, rephrasing]);

/** The second failed turn in a row hands the conversation to an officer (the reply also offers one). */
function repeatedFailure(previous: ConversationState, result: HandlerResult): boolean {
  return Boolean(result.failed) && previous.failedTurns + 1 >= FAILURES_BEFORE_OFFICER;
}

function nextState(previous: ConversationState, result: HandlerResult, commune: string | null): ConversationState {
  return {
    version: 1,
    procedure: result.procedure ? { code: result.procedure.code, name: result.procedure.name } : previous.procedure,
    lastIntent: result.intent,
    commune: commune ?? previous.commune,
    pending: result.pending ?? null,
    failedTurns: result.failed ? previous.failedTurns + 1 : 0,
    handoffRequested: previous.handoffRequested || Boolean(result.handoff) || repeatedFailure(previous, result),
    turns: previous.turns + 1,
  };
}

async function run(turn: Turn, deps: TurnDeps): Promise<{ ctx: TurnContext; state: ConversationState }> {
  const state = parseState(turn.state);
  // `understanding` is filled by the first step inside the error boundary.
  const ctx = { turn, deps, state, offerOfficer: state.failedTurns + 1 >= FAILURES_BEFORE_OFFICER } as TurnContext;
  await pipeline(ctx, () => route(ctx));
  return { ctx, state };
}

/** The sector of the procedure under discussion, so a handoff reaches the officers who handle it. */
function sectorOf(deps: TurnDeps, state: ConversationState, result: HandlerResult): string | null {
  const code = result.procedure?.code ?? state.procedure?.code;
  return code ? deps.catalog.get(code)?.sector ?? null : null;
}

export async function handleTurn(turn: Turn, deps: TurnDeps): Promise<TurnOutcome> {
  const { ctx, state } = await run(turn, deps);
  const result: HandlerResult = ctx.result ?? {
    replies: [quickRepliesReply(toBotError(new Error('no route')).userMessage, [OFFICER_QUICK_REPLY])],
    intent: 'fallback',
    procedure: null,
    confidence: 0,
  };
  // `understanding` is missing only when the turn failed before it was read.
  const next = nextState(state, result, (ctx.understanding as Understanding | undefined)?.commune ?? null);
  const reason = result.handoff ?? (repeatedFailure(state, result) ? 'repeated_failure' : null);
  return {
    replies: result.replies,
    intent: result.intent,
    procedure: result.procedure ? { code: result.procedure.code, name: result.procedure.name } : null,
    confidence: Math.max(0, Math.min(1, result.confidence)),
    outcome: answerOutcome(ctx.result ? ctx.route : undefined, result),
    state: next,
    handoffRequested: reason ? { reason, sector: sectorOf(deps, next, result) } : null,
  };
}

/** Which route handled a turn and what the bot understood — for tests and debugging. */
export async function explainTurn(turn: Turn, deps: TurnDeps): Promise<{ route: string | undefined; ctx: TurnContext }> {
  const { ctx } = await run(turn, deps);
  return { route: ctx.route, ctx };
}
