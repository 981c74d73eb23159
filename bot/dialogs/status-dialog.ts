/**
 * "Tra cứu hồ sơ": without a dossier code, ask for it (and show its format); with one, ask the
 * dossier lookup when one is wired in, otherwise say where to look it up. After a dossier is
 * shown: 4 digits verify the applicant (last digits of the phone), "nhận thông báo" subscribes.
 */
import {
  composeAskForCode,
  composeCodeFirst,
  composeDossierAnswer,
  composeNotAvailable,
  composeSubscribed,
  composeUnsubscribed,
  composeVerification,
} from '../compose/dossier.ts';
import { composeDossierNotFound, composeLookupElsewhere } from '../compose/dossier.ts';
import type { DossierAsker } from '../deps.ts';
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
  const lookup = ctx.deps.dossiers;
  if (!code) {
    const retry = ctx.state.pending?.type === 'dossier_code' && looksLikeACode(ctx.turn.text);
    return { ...base, replies: composeAskForCode(retry, lookup?.demoCodes), confidence: 0.9, pending: { type: 'dossier_code' } };
  }
  if (!lookup) return { ...base, replies: composeLookupElsewhere(code), confidence: 0.9 };
  try {
    const status = await lookup.lookup(code, askerOf(ctx));
    if (!status) return { ...base, replies: composeDossierNotFound(code), confidence: 0.9, pending: { type: 'dossier_code' } };
    const offers = { verify: Boolean(lookup.verify), subscribe: Boolean(lookup.subscribe) };
    const pending = offers.verify || offers.subscribe ? { type: 'dossier_code' as const, code } : null;
    return { ...base, replies: composeDossierAnswer(status, offers), confidence: 1, pending };
  } catch (error) {
    return { ...base, replies: apologise(ctx, error), confidence: 0.5 };
  }
}

function askerOf(ctx: TurnContext): DossierAsker {
  const { conversationId, channel, clientKey, receivedAt } = ctx.turn;
  return { conversationId, channel, ...(clientKey ? { clientKey } : {}), at: receivedAt };
}

/** A failing or refusing lookup: its own Vietnamese message (busy, rate-limited), else a generic one. */
function apologise(ctx: TurnContext, error: unknown) {
  const botError =
    error instanceof BotError
      ? error
      : new BotError('dossier_lookup_failed', error instanceof Error ? error.message : String(error), { cause: error });
  ctx.deps.log?.warn({ err: botError, code: botError.code, conversationId: ctx.turn.conversationId }, botError.message);
  return [textReply(botError.userMessage)];
}

/** The dossier just shown in this conversation (its code), if the bot is waiting on it. */
function currentDossier(ctx: TurnContext): string | null {
  return ctx.state.pending?.type === 'dossier_code' ? (ctx.state.pending.code ?? null) : null;
}

/** "5678", "4 số cuối là 5 6 7 8" — right after a dossier was shown: the digits, else null. */
export function verificationDigits(ctx: TurnContext): string | null {
  const { words } = ctx.understanding;
  // Only a short message that is about the digits ("lệ phí năm 2024" is a question, not a code).
  if (!currentDossier(ctx) || words.dossierCode || words.facet || ctx.turn.text.replace(/\d/g, '').trim().length > 30) return null;
  const runs = ctx.turn.text.replace(/(?<=\d)[\s.](?=\d)/g, '').match(/\d+/g) ?? [];
  const last = runs.length === 2 && runs[0] === '4' ? runs[1] : runs.length === 1 ? runs[0] : undefined;
  return last?.length === 4 ? last : null;
}

/** "nhận thông báo" / "hủy nhận thông báo" about a dossier; null when the message is not that. */
export function notificationRequest(ctx: TurnContext): 'subscribe' | 'unsubscribe' | null {
  const { words } = ctx.understanding;
  const folded = words.analysis.folded;
  const aboutDossier = ctx.state.pending?.type === 'dossier_code' || words.dossierCode !== null || /\bho so\b/.test(folded);
  if (!aboutDossier) return null;
  if (/\b(huy|dung|tat|ngung|thoi|bo) (dang ky )?(nhan )?thong bao\b/.test(folded)) return 'unsubscribe';
  if (/\b(nhan|dang ky nhan|dang ky|bat|gui|bao) thong bao\b|\bthong bao (cho|toi|em|minh)\b/.test(folded)) return 'subscribe';
  return null;
}

export async function dossierVerify(ctx: TurnContext): Promise<HandlerResult> {
  const code = currentDossier(ctx) as string;
  const digits = verificationDigits(ctx) as string;
  const base = { intent: 'status' as const, procedure: null, pending: { type: 'dossier_code' as const, code } };
  const lookup = ctx.deps.dossiers;
  if (!lookup?.verify) return { ...base, replies: composeNotAvailable('verify'), confidence: 0.8 };
  try {
    const result = await lookup.verify(code, digits, askerOf(ctx));
    return { ...base, replies: composeVerification(code, result), confidence: 1 };
  } catch (error) {
    return { ...base, replies: apologise(ctx, error), confidence: 0.5 };
  }
}

export async function dossierNotifications(ctx: TurnContext): Promise<HandlerResult> {
  const code = ctx.understanding.words.dossierCode ?? currentDossier(ctx);
  const base = { intent: 'status' as const, procedure: null };
  if (!code) return { ...base, replies: composeCodeFirst(), confidence: 0.8, pending: { type: 'dossier_code' } };
  const lookup = ctx.deps.dossiers;
  const pending = { type: 'dossier_code' as const, code };
  try {
    if (notificationRequest(ctx) === 'unsubscribe') {
      if (!lookup?.unsubscribe) return { ...base, replies: composeNotAvailable('subscribe'), confidence: 0.8 };
      return { ...base, replies: composeUnsubscribed(code, await lookup.unsubscribe(code, askerOf(ctx))), confidence: 1, pending };
    }
    if (!lookup?.subscribe) return { ...base, replies: composeNotAvailable('subscribe'), confidence: 0.8 };
    const result = await lookup.subscribe(code, askerOf(ctx));
    return { ...base, replies: composeSubscribed(code, result), confidence: 1, pending: result === 'not_found' ? { type: 'dossier_code' } : pending };
  } catch (error) {
    return { ...base, replies: apologise(ctx, error), confidence: 0.5, pending };
  }
}
