/**
 * The route table: which dialog handles a turn, as data. Highest rank whose selector accepts
 * the turn wins (router.ts). Read top to bottom, it is the bot's decision procedure.
 */
import {
  asksHandoff,
  asksStatus,
  hasNoTopic,
  isPlainlyOffTopic,
  socialIntent,
} from '../intents/classify.ts';
import type { Route } from '../router.ts';
import type { HandlerResult, TurnContext } from '../turn-context.ts';
import { isNegativeFeedback } from '../intents/feedback-rules.ts';
import { fallback, greet, negativeFeedback, outOfScope, outsideCatalog, requestOfficer, thank } from './conversation-dialog.ts';
import {
  answerFollowUp,
  answerNamed,
  answerRecordSilent,
  asksRecordSilent,
  askAgainWithOptions,
  isFacetBeforeChoice,
  answerPayload,
  answerPendingChoice,
  askWhichOfCandidates,
  askWhichProcedure,
  isFollowUp,
  pendingChoice,
} from './procedure-dialog.ts';
import { answerCommune, answersCommuneQuestion, answerUnknownCommune, namesUnknownCommune, noteCommune, notesCommune } from './commune-dialog.ts';
import { dossierNotifications, dossierStatus, dossierVerify, looksLikeACode, notificationRequest, verificationDigits } from './status-dialog.ts';

type BotRoute = Route<TurnContext, HandlerResult>;

const u = (ctx: TurnContext) => ctx.understanding;

/** The topic is named strongly enough to beat an off-topic word ("giá" in a procedure question). */
function namesProcedureStrongly(ctx: TurnContext): boolean {
  const r = u(ctx).resolution;
  return r.kind === 'confident' && r.best.match.recall >= 0.75;
}

/** After the thanks, a question carried on ("còn … thì sao") about words that find procedures. */
function asksOnAfterThanks(ctx: TurnContext): boolean {
  const { words, resolution } = u(ctx);
  return words.carryOver && resolution.kind !== 'none' && words.topicCore.length >= 2;
}

/**
 * Off-topic words win unless the message is also clearly a procedure question: a very
 * specific off-topic phrase ("bạn tên gì", "giá vàng") needs a facet too, a weaker one only a
 * procedure named outright.
 */
function offTopic(ctx: TurnContext): boolean {
  const { words } = u(ctx);
  if (!isPlainlyOffTopic(words)) return false;
  if (words.outOfScope >= 5) return !(namesProcedureStrongly(ctx) && words.facetScore >= 3);
  return !namesProcedureStrongly(ctx);
}

export const ROUTES: BotRoute[] = [
  { name: 'payload-officer', rank: 100, selector: (ctx) => u(ctx).payload?.type === 'officer', handler: requestOfficer },
  { name: 'payload-procedure', rank: 100, selector: (ctx) => u(ctx).payload?.type === 'pick' || u(ctx).payload?.type === 'ask', handler: answerPayload },
  { name: 'handoff', rank: 90, selector: (ctx) => asksHandoff(u(ctx).words), handler: requestOfficer },
  {
    // "trả lời sai", "vô dụng" after the bot said something — unless the message names a procedure outright.
    name: 'negative-feedback',
    rank: 88,
    selector: (ctx) => ctx.state.turns > 0 && isNegativeFeedback(ctx.turn.text) && !namesProcedureStrongly(ctx),
    handler: negativeFeedback,
  },
  { name: 'dossier-notifications', rank: 85, selector: (ctx) => notificationRequest(ctx) !== null, handler: dossierNotifications },
  { name: 'dossier-verify', rank: 85, selector: (ctx) => verificationDigits(ctx) !== null, handler: dossierVerify },
  {
    name: 'status',
    rank: 80,
    selector: (ctx) =>
      asksStatus(u(ctx).words) ||
      (ctx.state.pending?.type === 'dossier_code' && (u(ctx).words.dossierCode !== null || looksLikeACode(ctx.turn.text))),
    handler: dossierStatus,
  },
  // "phường Bến Nghé" after "bạn ở xã/phường nào?": that commune's one-stop shop for the same procedure.
  { name: 'commune-answer', rank: 76, selector: answersCommuneQuestion, handler: answerCommune },
  { name: 'commune-unknown', rank: 76, selector: namesUnknownCommune, handler: answerUnknownCommune },
  { name: 'clarification-answer', rank: 75, selector: (ctx) => pendingChoice(ctx) !== null, handler: answerPendingChoice },
  { name: 'off-topic', rank: 70, selector: offTopic, handler: outOfScope },
  {
    // "vậy thôi, cảm ơn ad nhé": thanks, unless the message also names a procedure outright or asks
    // on ("ok cảm ơn anh, còn việc rút tiền tuất bhxh của bố thì sao").
    name: 'thanks-first',
    rank: 72,
    selector: (ctx) => socialIntent(u(ctx).words) === 'thanks' && u(ctx).words.facet === null && !namesProcedureStrongly(ctx) && !asksOnAfterThanks(ctx),
    handler: thank,
  },
  {
    // "hoãn nghĩa vụ quân sự", "lịch tiêm chủng": a matter the catalog does not hold, even in a
    // conversation about a procedure.
    name: 'outside-catalog',
    rank: 64,
    selector: (ctx) => {
      const r = u(ctx).resolution;
      return r.kind === 'none' && r.reason === 'outside_catalog';
    },
    handler: outsideCatalog,
  },
  { name: 'follow-up', rank: 62, selector: isFollowUp, handler: answerFollowUp },
  { name: 'facet-before-choice', rank: 63, selector: isFacetBeforeChoice, handler: askAgainWithOptions },
  { name: 'procedure', rank: 60, selector: (ctx) => u(ctx).resolution.kind === 'confident', handler: answerNamed },
  { name: 'clarify', rank: 55, selector: (ctx) => u(ctx).resolution.kind === 'ambiguous', handler: askWhichOfCandidates },
  // "cần bố mẹ đi cùng không" of a passport, which its record does not speak of: said so, not "out of scope".
  { name: 'record-silent', rank: 50, selector: asksRecordSilent, handler: answerRecordSilent },
  { name: 'which-procedure', rank: 45, selector: (ctx) => u(ctx).words.facet !== null, handler: askWhichProcedure },
  { name: 'commune-noted', rank: 44, selector: notesCommune, handler: noteCommune },
  { name: 'greeting', rank: 40, selector: (ctx) => socialIntent(u(ctx).words) === 'greeting', handler: greet },
  { name: 'thanks', rank: 40, selector: (ctx) => socialIntent(u(ctx).words) === 'thanks', handler: thank },
  // "thuế thì sao": words the catalog's names say, no procedure fitting surely — ask for its name, not "out of scope".
  {
    name: 'catalog-words-unmatched',
    rank: 31,
    selector: (ctx) => {
      const r = u(ctx).resolution;
      return r.kind === 'none' && r.reason === 'no_match' && r.namedInCatalog === true;
    },
    handler: askWhichProcedure,
  },
  {
    name: 'off-topic-unknown-subject',
    rank: 30,
    selector: (ctx) => !hasNoTopic(u(ctx).words) && u(ctx).words.oddShare < 0.5,
    handler: outOfScope,
  },
  { name: 'fallback', rank: 0, selector: () => true, handler: fallback },
];
