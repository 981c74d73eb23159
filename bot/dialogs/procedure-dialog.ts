/**
 * Questions about a procedure: answer the facet for a named procedure, ask which one when the
 * best candidates are too close (or are the same procedure at levels whose facts differ),
 * continue the original question once one is picked, and apply follow-ups without a procedure
 * to the procedure under discussion.
 */
import type { Level, Procedure } from '../../knowledge/schema.ts';
import { composeClarify, optionLabels } from '../compose/clarify.ts';
import { composeWhichProcedure, composeProcedureNotFound } from '../compose/conversation.ts';
import { composeAnswer } from '../compose/facet.ts';
import { relevantPassages, type Asked } from '../compose/passages.ts';
import { composeRecordSilent } from '../compose/asked-passages.ts';
import { foldedKey } from '../../knowledge/language/normalize.ts';
import { saysOfName } from '../../knowledge/language/name-actions.ts';
import { formatDuration, quoteName } from '../compose/format.ts';
import { groupFees } from '../compose/fee.ts';
import { PAYLOAD, quickRepliesReply, textReply } from '../replies.ts';
import { levelLabel } from '../compose/overview.ts';
import { BotError } from '../errors.ts';
import { facetsBesideName, topicWeight } from '../intents/classify.ts';
import type { HowToAspect } from '../intents/facet-rules.ts';
import { isFacetIntent, isProcedureIntent, type FacetIntent, type ProcedureIntent } from '../intents/intent.ts';
import { vocabularyOf } from '../resolve/name-match.ts';
import { isSameOrTwin, namesOtherOutright, type Candidate } from '../resolve/procedure-resolver.ts';
import { TIE_SHARE } from '../resolve/candidate-features.ts';
import type { HandlerResult, TurnContext } from '../turn-context.ts';
import { withCommuneOffice } from './commune-dialog.ts';
import { choiceByRecord } from './choice-by-record.ts';
import { namesDocument } from './document-named.ts';

/** The facets this message asks about a procedure, its name's own words aside ("đủ điều kiện", "lệ phí trước bạ"). */
export function facetsAsked(ctx: TurnContext, procedure: Procedure | null): ReturnType<typeof facetsBesideName> {
  const { words } = ctx.understanding;
  return procedure ? facetsBesideName(words, procedure.name) : words;
}

/** The intent to answer for a procedure this message names. */
export function intentForNamed(ctx: TurnContext, procedure: Procedure | null = null): ProcedureIntent {
  const { words } = ctx.understanding;
  const asked = facetsAsked(ctx, procedure);
  if (asked.facet) return procedure ? ofDocumentNamed(ctx, procedure, asked.facet) : asked.facet;
  const pending = ctx.state.pending;
  if (pending && 'intent' in pending) return pending.intent;
  const last = ctx.state.lastIntent;
  // "thế còn …" and a correction ("à nhầm, ý mình là đăng ký tạm trú") ask the last question again.
  if ((words.carryOver || words.correction) && isFacetIntent(last)) return last;
  return 'overview';
}

/** How long a paper of the dossier stays valid is asked of the documents, not of the result. */
function ofDocumentNamed(ctx: TurnContext, procedure: Procedure, facet: FacetIntent): FacetIntent {
  return facet === 'result' && namesDocument(ctx.understanding.words.analysis.folded, procedure) ? 'documents' : facet;
}

function aspectsFor(ctx: TurnContext, intent: ProcedureIntent, procedure: Procedure | null = null): HowToAspect[] {
  if (intent !== 'how_to') return [];
  const asked = facetsAsked(ctx, procedure);
  if (asked.facet === 'how_to') return asked.howToAspects;
  const pending = ctx.state.pending;
  return pending && 'aspects' in pending ? (pending.aspects as HowToAspect[]) : [];
}

/** What the message asked, for composers that answer from the record's words. */
export function askedOf(ctx: TurnContext): Asked {
  const { words } = ctx.understanding;
  return { topic: words.topic.map((t) => t.folded), text: words.analysis.folded };
}

/** The answer for one procedure, plus any other facet asked as clearly in the same message. */
export function answer(ctx: TurnContext, procedure: Procedure, intent: ProcedureIntent, confidence: number): HandlerResult {
  const asked = askedOf(ctx);
  const facets = facetsAsked(ctx, procedure);
  const aspects = aspectsFor(ctx, intent, procedure);
  const replies = composeAnswer(intent, procedure, aspects, asked);
  if (isFacetIntent(intent) && facets.facet === intent) {
    for (const other of facets.otherFacets.slice(0, 2)) replies.push(...composeAnswer(other, procedure, facets.howToAspects, asked));
  }
  const result: HandlerResult = { replies, intent, procedure, confidence, pending: null };
  return intent === 'how_to' ? withCommuneOffice(ctx, procedure, result, aspects) : result;
}

/**
 * What a facet's answer depends on, to tell whether two procedures would get the same answer;
 * null when the record has no facts for it (nothing to share).
 */
function facetSignature(intent: ProcedureIntent, procedure: Procedure): string | null {
  let facts: unknown[];
  switch (intent) {
    case 'fee':
      facts = groupFees(procedure).map((g) => g.fees.map((f) => [f.kind, f.amountVnd]));
      break;
    case 'processing_time':
      facts = procedure.channels.filter((c) => c.time).map((c) => [c.method, formatDuration(c.time!)]);
      break;
    case 'documents':
      facts = procedure.documents.map((d) => d.name);
      break;
    case 'how_to':
      // What the how-to answer shows: where and how to submit, the agencies, the steps.
      facts = [
        ...procedure.submitAt,
        ...procedure.channels.map((c) => c.method),
        procedure.onlineLevel ?? null,
        procedure.competentAgency,
        ...procedure.implementingAgencies,
        ...procedure.steps,
      ];
      break;
    case 'conditions':
      facts = [...procedure.conditions, ...procedure.subjects];
      break;
    case 'result':
      facts = procedure.result;
      break;
    case 'overview':
      return null;
  }
  return facts.length ? JSON.stringify(facts) : null;
}

/** Same procedure at other levels whose facts for this question differ: ask which level. */
function levelChoice(ctx: TurnContext, best: Candidate, intent: ProcedureIntent): Procedure[] | null {
  if (intent === 'overview' || ctx.understanding.words.levels.length > 0) return null;
  const variants = best.variants.map((code) => ctx.deps.catalog.get(code)).filter((p): p is Procedure => p !== undefined && p.code !== best.procedure.code);
  if (variants.length === 0) return null;
  const mine = facetSignature(intent, best.procedure);
  const differing = variants.filter((v) => facetSignature(intent, v) !== mine);
  return differing.length ? [best.procedure, ...differing].slice(0, 4) : null;
}

function clarify(ctx: TurnContext, procedures: Procedure[], intent: ProcedureIntent, confidence: number): HandlerResult {
  const options = optionLabels(procedures);
  return {
    replies: composeClarify(options),
    intent,
    procedure: null,
    confidence,
    pending: {
      type: 'clarify',
      intent,
      candidates: options.map((o) => ({ code: o.procedure.code, name: o.procedure.name, label: o.label })),
      aspects: aspectsFor(ctx, intent),
    },
  };
}

/** A procedure named confidently. */
export function answerNamed(ctx: TurnContext): HandlerResult {
  const resolution = ctx.understanding.resolution;
  if (resolution.kind !== 'confident') throw new Error('answerNamed needs a confident resolution');
  const intent = intentForNamed(ctx, resolution.best.procedure);
  const levels = levelChoice(ctx, resolution.best, intent);
  // The same procedure at several levels with other facts: answer at the level the citizen
  // meets it (the curated record, else the level nearest the citizen) and offer the others.
  if (levels) return answerWithOtherLevels(ctx, nearestFirst(levels), intent, resolution.confidence);
  return answer(ctx, resolution.best.procedure, intent, resolution.confidence);
}

/** Commune before district before province before ministry; the curated record first of all. */
const LEVEL_NEARNESS: Record<Level, number> = { xa: 0, huyen: 1, tinh: 2, bo: 3 };
function nearestFirst(procedures: Procedure[]): Procedure[] {
  const nearness = (p: Procedure) => (p.origin === 'bundled' ? -1 : Math.min(...p.levels.map((l) => LEVEL_NEARNESS[l])));
  return [...procedures].sort((a, b) => nearness(a) - nearness(b));
}

/**
 * A bundled record is written at the level a citizen meets the procedure: answer from it, then
 * say the procedure also runs at other levels with other facts and offer them as quick replies
 * (picking one answers the same question for that level).
 */
function answerWithOtherLevels(ctx: TurnContext, procedures: Procedure[], intent: ProcedureIntent, confidence: number): HandlerResult {
  const [citizenLevel, ...others] = procedures as [Procedure, ...Procedure[]];
  const result = answer(ctx, citizenLevel, intent, confidence);
  const options = optionLabels(procedures).slice(1);
  const where = others.map((p) => `${levelLabel(p)} (mã ${p.code})`).join(', ');
  result.replies.push(
    quickRepliesReply(
      `Dạ, thông tin trên là của thủ tục thực hiện tại ${levelLabel(citizenLevel)}. Thủ tục này còn được thực hiện tại ${where} với thông tin khác; nếu bạn làm ở đó, bạn chọn bên dưới ạ.`,
      options.map((o) => ({ label: o.label, payload: PAYLOAD.pick(o.procedure.code) })),
    ),
  );
  result.pending = {
    type: 'clarify',
    intent,
    candidates: optionLabels(procedures).map((o) => ({ code: o.procedure.code, name: o.procedure.name, label: o.label })),
    aspects: aspectsFor(ctx, intent),
    answered: citizenLevel.code,
  };
  return result;
}

/** An option (or a group of tied options) at least this share of the first's probability is close to it… */
const CLOSE_SHARE = 0.9;

/** …and options whose retriever scores tie (candidate-features.ts) and whose names the message fits as well are one group. */
function tiedWith(candidate: Candidate, top: Candidate): boolean {
  return Math.abs(candidate.score - top.score) <= TIE_SHARE * Math.abs(top.score) && candidate.match.nameFit === top.match.nameFit;
}

/**
 * The options in groups of tied ones, most likely group first by the sum of its probabilities:
 * the evidence cannot tell tied options apart, so they share what it gives them — three kinds of
 * company for "lệ phí đăng ký doanh nghiệp" together outweigh one less fitting procedure that
 * each of them alone would trail.
 */
function tieGroups(candidates: readonly Candidate[]): Array<{ members: Candidate[]; mass: number }> {
  const groups: Array<{ members: Candidate[]; mass: number }> = [];
  for (const candidate of candidates) {
    const group = groups.find((g) => g.members.some((member) => tiedWith(candidate, member)));
    if (group) {
      group.members.push(candidate);
      group.mass += candidate.fit;
    } else groups.push({ members: [candidate], mass: candidate.fit });
  }
  return groups.sort((a, b) => b.mass - a.mass);
}

/**
 * Several procedures fit about equally. When they would all get the same answer to this
 * question, answer and say it holds for all of them; otherwise ask, remembering the question.
 */
export function askWhichOfCandidates(ctx: TurnContext): HandlerResult {
  const resolution = ctx.understanding.resolution;
  if (resolution.kind !== 'ambiguous') throw new Error('askWhichOfCandidates needs an ambiguous resolution');
  const groups = tieGroups(resolution.candidates);
  const ordered = groups.flatMap((g) => g.members);
  const top = ordered[0]!;
  const intent = intentForNamed(ctx, top.procedure);
  // The options about as likely as the first group (a tie: three kinds of company for "lệ phí
  // đăng ký doanh nghiệp"); a far less likely option does not stop a shared answer.
  const close = groups.filter((g) => g.mass >= groups[0]!.mass * CLOSE_SHARE).flatMap((g) => g.members.map((c) => c.procedure));
  const signatures = new Set(close.map((p) => facetSignature(intent, p)));
  if (close.length > 1 && signatures.size === 1 && !signatures.has(null)) {
    const result = answer(ctx, top.procedure, intent, top.fit * 0.8);
    const list = close.map((p) => `${quoteName(p.name)} (mã ${p.code})`).join('; ');
    result.replies.push(textReply(`Dạ, thông tin này giống nhau ở các thủ tục: ${list}.`));
    return result;
  }
  return clarify(
    ctx,
    ordered.map((c) => c.procedure),
    intent,
    top.fit * 0.5,
  );
}

/**
 * Words that the procedure under discussion does not account for. A follow-up ("thế lệ phí
 * cho người nghèo?") may add a word or two; more than that names something else.
 */
function unexplainedWords(ctx: TurnContext, procedure: Procedure): number {
  const { topicCore } = ctx.understanding.words;
  if (topicCore.length === 0) return 0;
  const match = vocabularyOf(ctx.deps.catalog).match(ctx.understanding.words.topic, procedure, topicWeight);
  return match.recall >= 0.5 ? 0 : topicCore.length;
}

/**
 * A facet question about the procedure under discussion ("bao lâu có kết quả", "lệ phí bao
 * nhiêu", "nộp online được không"): it names no other procedure outright, and its words are
 * the current procedure's, or few, or point at it among others. A word inside it ("kết quả",
 * "phiếu") must not pull in an unrelated procedure.
 */
export function isFollowUp(ctx: TurnContext): boolean {
  const { words, current, resolution } = ctx.understanding;
  if (current === null) return false;
  if (words.facet === null) return asksOfRecord(ctx, current);
  // A correction that changed one detail of it ("à không, … 2 thành viên") moves to the sibling,
  // a tax or charge it does not declare ("phí trước bạ bao nhiêu") to the procedure declaring it.
  if (resolution.kind === 'confident' && resolution.correctedSibling) return false;
  if (resolution.kind !== 'none' && resolution.levyAsked) return false;
  // The same procedure, or its twin at another level ("… (cấp xã)" after "… (cấp huyện)"), is still it.
  if (resolution.kind === 'confident') return !namesOtherOutright(resolution.best, resolution.confidence) || isSameOrTwin(resolution.best, current);
  if (resolution.kind === 'ambiguous' && resolution.candidates.some((c) => isSameOrTwin(c, current))) return true;
  // Nothing else found for the words ("nhờ mẹ ở quê đi xin thay được không"): they tell more
  // about the procedure under discussion.
  if (resolution.kind === 'none') return resolution.reason !== 'outside_catalog';
  // A list of procedures none of which the message names outright ("nộp trực tiếp thì bao lâu
  // có giấy phép" finding export licences) is no reason to leave the one under discussion.
  return unexplainedWords(ctx, current) <= 1 || listLeavesNothing(words.topicCore.length, resolution.candidates);
}

/** A list a short message finds, or one whose first option the message does not name outright, is no reason to leave what is open. */
function listLeavesNothing(topicWords: number, candidates: readonly Candidate[]): boolean {
  const first = candidates[0];
  return topicWords <= FOLLOW_UP_WORDS || !first || !namesOtherOutright(first, first.fit);
}

/** Topic words a follow-up may carry without naming something new ("nộp trực tiếp thì bao lâu có sổ"). */
const FOLLOW_UP_WORDS = 2;

/**
 * A facet asked while a clarifying list is open ("lệ phí bao nhiêu?" without picking): ask
 * again with the same options, for the new question, instead of forgetting them — unless the
 * message names another procedure outright.
 */
export function isFacetBeforeChoice(ctx: TurnContext): boolean {
  const { words, resolution } = ctx.understanding;
  const pending = ctx.state.pending;
  if (!pending || pending.type !== 'clarify' || words.facet === null) return false;
  // Other levels offered beside an answer are no open question: the answered one is under discussion.
  if (pending.answered !== undefined) return false;
  // As for a follow-up on one procedure: only a message naming another one outright leaves the
  // list ("người yêu em thường trú ở tỉnh khác thì đăng ký ở xã nào" after the marriage options is
  // not the border pass "… có hộ khẩu thường trú ở tỉnh …").
  if (resolution.kind === 'confident') return !namesOtherOutright(resolution.best, resolution.confidence);
  if (resolution.kind === 'none') return resolution.reason !== 'outside_catalog';
  // Another list: leave the options only for one that names its first outright ("đơn xin cấp lại
  // làm theo mẫu nào" after the fishing-licence options is not about building permits).
  return listLeavesNothing(words.topicCore.length, resolution.candidates);
}

export function askAgainWithOptions(ctx: TurnContext): HandlerResult {
  const pending = ctx.state.pending;
  const intent = ctx.understanding.words.facet;
  if (!pending || pending.type !== 'clarify' || !intent) throw new Error('askAgainWithOptions needs an open list and a facet');
  const procedures = pending.candidates.map((c) => ctx.deps.catalog.get(c.code)).filter((p): p is Procedure => p !== undefined);
  return clarify(ctx, procedures, intent, 0.5);
}

export function answerFollowUp(ctx: TurnContext): HandlerResult {
  const { words, current } = ctx.understanding;
  if (!current) throw new Error('answerFollowUp needs a current procedure');
  // No facet asked: the record's passages that bear on the question (asked-passages.ts).
  return answer(ctx, current, words.facet ? ofDocumentNamed(ctx, current, words.facet) : 'overview', 0.8);
}

/**
 * A question no facet covers ("chủ hộ không cho thì sao", "cần bố mẹ đi cùng không") in a
 * conversation about a procedure: about that procedure when its record speaks of the question's
 * words (a passage to quote) and the message finds no procedure it names outright, nor a matter
 * outside the catalog, nor corrects what is under discussion.
 */
function asksOfRecord(ctx: TurnContext, current: Procedure): boolean {
  const { resolution, words } = ctx.understanding;
  // "À nhầm, ý em là tạm trú": a correction asks for something other than what is under discussion.
  if (words.correction) return false;
  if (resolution.kind === 'none' && resolution.reason === 'outside_catalog') return false;
  if (resolution.kind !== 'none' && resolution.levyAsked) return false;
  if (resolution.kind === 'confident' && namesOtherOutright(resolution.best, resolution.confidence) && !isSameOrTwin(resolution.best, current)) return false;
  return relevantPassages(current, askedOf(ctx), { max: 1, minScore: RECORD_RELEVANCE, needPair: true }).length > 0;
}

/** How much of a passage must bear on a facet-less follow-up for the record to answer it (as asked-passages.ts quotes). */
const RECORD_RELEVANCE = 2;

/**
 * A short question about the procedure under discussion that no facet covers, finds no procedure
 * and no passage of its record ("cần bố mẹ đi cùng không" of a passport): the record does not say.
 */
export function asksRecordSilent(ctx: TurnContext): boolean {
  const { words, current, resolution } = ctx.understanding;
  if (current === null || words.facet !== null || resolution.kind !== 'none' || resolution.reason !== 'no_match') return false;
  if (words.topicCore.length === 0 || words.topicCore.length > SILENT_TOPIC_WORDS) return false;
  return asksAQuestion(ctx.turn.text ?? '');
}

/** Topic words of a question the record may be silent on; longer messages tell of something else. */
const SILENT_TOPIC_WORDS = 4;

/** A question by its form: a question mark, or a yes/no or how question's closing words. */
function asksAQuestion(text: string): boolean {
  const padded = ` ${foldedKey(text)
    .replace(/[^\p{L}\p{N}?]+/gu, ' ')
    .trim()} `;
  return padded.includes('?') || / (?:khong|ko|k|hok|hong|kg) $| (?:the nao|sao|duoc khong|dc ko|duoc ko|chua) $/.test(padded);
}

export function answerRecordSilent(ctx: TurnContext): HandlerResult {
  const current = ctx.understanding.current;
  if (!current) throw new Error('answerRecordSilent needs a current procedure');
  return { replies: composeRecordSilent(current, ctx.offerOfficer), intent: 'overview', procedure: current, confidence: 0.5, failed: true };
}

/** A facet with no procedure named and none under discussion. */
export function askWhichProcedure(ctx: TurnContext): HandlerResult {
  const { words } = ctx.understanding;
  const intent = words.facet ?? 'overview';
  if (words.topicCore.length > 0) {
    return { replies: composeProcedureNotFound(ctx.offerOfficer), intent, procedure: null, confidence: 0.2, failed: true };
  }
  return {
    replies: composeWhichProcedure(intent),
    intent,
    procedure: null,
    confidence: 0.5,
    pending: { type: 'which_procedure', intent, aspects: words.howToAspects },
  };
}

/** How much of an option's name a message must say to pick it by name. */
const OPTION_NAME_FIT = 0.1;

/** Which of the offered candidates the message picks ("2", "cấp xã", or naming one), if any. */
export function pendingChoice(ctx: TurnContext): Procedure | null {
  const pending = ctx.state.pending;
  if (!pending || pending.type !== 'clarify') return null;
  const { words, resolution } = ctx.understanding;
  const codes = pending.candidates.map((c) => c.code);
  let code: string | undefined;
  if (words.ordinal !== null) code = words.ordinal < 0 ? codes[codes.length - 1] : codes[words.ordinal];
  if (!code && resolution.kind === 'confident' && codes.includes(resolution.best.procedure.code)) code = resolution.best.procedure.code;
  if (!code && resolution.kind === 'ambiguous') {
    const among = resolution.candidates.filter((c) => codes.includes(c.procedure.code));
    if (among.length === 1) code = among[0]!.procedure.code;
  }
  const candidates = codes.map((c) => ctx.deps.catalog.get(c)).filter((p): p is Procedure => p !== undefined);
  if (!code && words.levels.length) {
    const atLevel = candidates.filter((p) => p.levels.some((l) => words.levels.includes(l)));
    if (atLevel.length === 1) code = atLevel[0]!.code;
  }
  if (!code && words.topicCore.length) {
    const vocabulary = vocabularyOf(ctx.deps.catalog);
    const scored = candidates
      .map((p) => ({ p, m: vocabulary.match(words.topic, p, topicWeight) }))
      // Half the words, saying something of the name as the name says it: "giấy phép" names nothing
      // by the "phép" of "… phế phẩm được phép xuất khẩu …", nor "quyết định" by "giải quyết".
      .filter((s) => s.m.recall >= 0.5 && s.m.nameFit >= OPTION_NAME_FIT && saysOfName(words.topicCore, s.p.name))
      .sort((a, b) => b.m.nameFit - a.m.nameFit);
    if (scored.length === 1 || (scored.length > 1 && scored[0]!.m.nameFit > scored[1]!.m.nameFit + 0.1)) code = scored[0]!.p.code;
  }
  // No name said, but words only one option's record has ("giấy xác nhận của tổ chức y tế").
  if (!code && words.topicCore.length) code = choiceByRecord(candidates, ctx.turn.text, words.unasked)?.code;
  return code ? (ctx.deps.catalog.get(code) ?? null) : null;
}

export function answerPendingChoice(ctx: TurnContext): HandlerResult {
  const procedure = pendingChoice(ctx);
  const pending = ctx.state.pending;
  if (!procedure || !pending || pending.type !== 'clarify') throw new Error('answerPendingChoice needs a choice');
  const { words } = ctx.understanding;
  return answer(ctx, procedure, words.facet ? ofDocumentNamed(ctx, procedure, words.facet) : pending.intent, 0.9);
}

/** A clicked quick reply: "pick:<code>" continues the original question, "ask:<intent>:<code>" asks a facet. */
export function answerPayload(ctx: TurnContext): HandlerResult {
  const payload = ctx.understanding.payload;
  if (!payload || payload.type === 'officer') throw new Error('answerPayload needs a procedure payload');
  const procedure = ctx.deps.catalog.get(payload.code);
  if (!procedure) {
    const error = new BotError('procedure_missing', payload.code);
    return { replies: [textReply(error.userMessage)], intent: 'fallback', procedure: null, confidence: 0, failed: true };
  }
  let intent: ProcedureIntent = 'overview';
  if (payload.type === 'ask' && isProcedureIntent(payload.intent)) intent = payload.intent;
  if (payload.type === 'pick') {
    const pending = ctx.state.pending;
    intent = pending && 'intent' in pending ? pending.intent : 'overview';
  }
  return answer(ctx, procedure, intent, 1);
}
