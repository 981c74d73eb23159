/**
 * The citizen's xã/phường for commune-level procedures: a where/how answer about a procedure the
 * province gave per-commune one-stop shops for leads with the office of the commune the citizen
 * named (this turn or earlier), or asks which commune and, when the citizen answers, gives that
 * office for the same procedure. Facts only from the local data; without it nothing changes.
 */
import type { Procedure } from '../../knowledge/schema.ts';
import { composeAskCommune, composeCommuneOffice, composeNoOfficeFor, composeUnknownCommune } from '../compose/commune-office.ts';
import { textReply } from '../replies.ts';
import type { HandlerResult, TurnContext } from '../turn-context.ts';
import type { HowToAspect } from '../intents/facet-rules.ts';
import { foldedPhrase } from '../../knowledge/language/normalize.ts';

/** The commune the citizen has named: in this message, else earlier in the conversation. */
export function citizenCommune(ctx: TurnContext): string | null {
  return ctx.understanding.commune ?? ctx.state.commune;
}

/** The where/how answer with the citizen's commune office first, or the question which commune (not for "nộp online/qua bưu điện được không?"). */
export function withCommuneOffice(ctx: TurnContext, procedure: Procedure, result: HandlerResult, aspects: readonly HowToAspect[] = []): HandlerResult {
  if (aspects.includes('online') || aspects.includes('post')) return result;
  const offices = ctx.deps.catalog.communeOffices?.(procedure.code);
  if (!offices || offices.offices.length === 0) return result;
  const commune = citizenCommune(ctx);
  if (!commune) {
    return { ...result, replies: [...result.replies, composeAskCommune(procedure, offices)], pending: { type: 'commune', procedure: { code: procedure.code, name: procedure.name } } };
  }
  const office = offices.offices.find((o) => o.commune === commune);
  return { ...result, replies: [office ? composeCommuneOffice(procedure, offices, office) : composeNoOfficeFor(procedure, commune), ...result.replies] };
}

/** The procedure whose office this message's commune answers for: the one asked about, or the last where/how answer's. */
function procedureAwaitingCommune(ctx: TurnContext): Procedure | null {
  const { commune, words, resolution, current } = ctx.understanding;
  if (commune === null) return null;
  const pending = ctx.state.pending;
  if (resolution.kind === 'confident' && resolution.best.procedure.code !== (pending?.type === 'commune' ? pending.procedure.code : current?.code)) return null;
  if (pending?.type === 'commune') return ctx.deps.catalog.get(pending.procedure.code) ?? null;
  if (words.facet === null && resolution.kind === 'none' && current && ctx.state.lastIntent === 'how_to' && ctx.deps.catalog.communeOffices?.(current.code)) return current;
  return null;
}

export function answersCommuneQuestion(ctx: TurnContext): boolean {
  return procedureAwaitingCommune(ctx) !== null;
}

/** "Phường Bến Nghé" after "bạn ở xã/phường nào?": that office, for the same procedure. */
export function answerCommune(ctx: TurnContext): HandlerResult {
  const procedure = procedureAwaitingCommune(ctx);
  const commune = ctx.understanding.commune;
  if (!procedure || !commune) throw new Error('answerCommune needs a procedure waiting for a commune');
  const offices = ctx.deps.catalog.communeOffices?.(procedure.code);
  const office = offices?.offices.find((o) => o.commune === commune);
  const reply = offices && office ? composeCommuneOffice(procedure, offices, office) : composeNoOfficeFor(procedure, commune);
  return { replies: [reply], intent: 'how_to', procedure, confidence: 0.9, pending: null };
}

/** A commune's kind then a name, the local data knowing none such: "phường Đa Kao". */
const KIND_FIRST = /^ (?:(?:xa|phuong|thi tran|dac khu|p|x|tt) )+(?<name>.+) $/;

/** The question which commune is open and the answer names one the local data lacks. */
function unknownCommune(ctx: TurnContext): { procedure: Procedure; typed: string } | null {
  const pending = ctx.state.pending;
  const { commune, words, resolution } = ctx.understanding;
  if (pending?.type !== 'commune' || commune !== null || words.facet !== null || resolution.kind === 'confident') return null;
  const text = (ctx.turn.text ?? '').trim();
  if (!KIND_FIRST.test(foldedPhrase(text)) || text.length > 60) return null;
  const procedure = ctx.deps.catalog.get(pending.procedure.code);
  return procedure ? { procedure, typed: text } : null;
}

export function namesUnknownCommune(ctx: TurnContext): boolean {
  return unknownCommune(ctx) !== null;
}

/** "phường Đa Kao" when only others are known: say so, list the known ones, and keep asking. */
export function answerUnknownCommune(ctx: TurnContext): HandlerResult {
  const found = unknownCommune(ctx);
  if (!found) throw new Error('answerUnknownCommune needs an unknown commune');
  const offices = ctx.deps.catalog.communeOffices?.(found.procedure.code);
  return {
    replies: [composeUnknownCommune(found.procedure, found.typed, offices?.offices.map((o) => o.commune) ?? [])],
    intent: 'how_to',
    procedure: found.procedure,
    confidence: 0.6,
    pending: ctx.state.pending,
  };
}

/** "Em ở phường Bến Nghé" with no question yet: noted for later where/how answers. */
export function notesCommune(ctx: TurnContext): boolean {
  const { commune, words, resolution } = ctx.understanding;
  return commune !== null && words.facet === null && resolution.kind === 'none';
}

export function noteCommune(ctx: TurnContext): HandlerResult {
  return {
    replies: [textReply(`Dạ, em ghi nhận bạn ở ${ctx.understanding.commune}. Bạn cần hỏi về thủ tục nào ạ?`)],
    intent: 'overview',
    procedure: null,
    confidence: 0.8,
  };
}
