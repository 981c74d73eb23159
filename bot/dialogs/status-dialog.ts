/**
 * "Tra cứu hồ sơ": without a dossier code, ask for it (and show its format); with one, ask the
 * dossier lookup when one is wired in, otherwise say where to look it up.
 */
import {
  composeAskDossierCode,
  composeDossierNotFound,
  composeDossierStatus,
  composeLookupElsewhere,
} from '../compose/status.ts';
import { BotError } from '../errors.ts';
import { textReply } from '../replies.ts';
import type { HandlerResult, TurnContext } from '../turn-context.ts';

/** A message that was meant as a dossier code but has not its shape ("12345", "H53-0001"). */
export function looksLikeACode(text: string): boolean {
  return (text.match(/[0-9]/g) ?? []).length >= 4 && !/\s\S+\s\S+\s/.test(text.trim());
}

export async function dossierStatus(ctx: TurnContext): Promise<HandlerResult> {
  const code = ctx.understanding.words.dossierCode;
  const base = { intent: 'status' as const, procedure: null };
  if (!code) {
    const retry = ctx.state.pending?.type === 'dossier_code' && looksLikeACode(ctx.turn.text);
    return { ...base, replies: composeAskDossierCode(retry), confidence: 0.9, pending: { type: 'dossier_code' } };
  }
  const lookup = ctx.deps.dossiers;
  if (!lookup) return { ...base, replies: composeLookupElsewhere(code), confidence: 0.9 };
  try {
    const status = await lookup.lookup(code);
    return status
      ? { ...base, replies: composeDossierStatus(status), confidence: 1 }
      : { ...base, replies: composeDossierNotFound(code), confidence: 0.9, pending: { type: 'dossier_code' } };
  } catch (error) {
    const botError = new BotError('dossier_lookup_failed', error instanceof Error ? error.message : String(error), { cause: error });
    ctx.deps.log?.warn({ err: botError, conversationId: ctx.turn.conversationId }, botError.message);
    return { ...base, replies: [textReply(botError.userMessage)], confidence: 0.5 };
  }
}
