/**
 * Scoring of portal FAQ questions played through the chat (no server, no I/O): what one chat
 * response did with a question — answered it, asked which procedure, named a wrong one, or
 * helped not at all — judged against the question's `acceptable` codes; the rates over a run;
 * and the risk–coverage of the reply's confidence.
 */
import { composeProcedureNotFound, composeWhichProcedure } from '../../bot/compose/conversation.ts';

export interface FaqChatQuestion {
  /** 0-based line of faq-dev.jsonl. */
  index: number;
  question: string;
  /** Adjudicated codes that answer the question; empty = no procedure of the catalog does. */
  acceptable: string[];
}

/** Parses faq-dev.jsonl; every line needs `question` and `acceptable` (a bad line names its number). */
export function parseFaqDevJsonl(text: string): FaqChatQuestion[] {
  const questions: FaqChatQuestion[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const row = JSON.parse(line) as { question?: unknown; acceptable?: unknown };
    if (typeof row.question !== 'string' || !Array.isArray(row.acceptable)) {
      throw new Error(`faq-dev.jsonl line ${index + 1}: needs "question" (string) and "acceptable" (array)`);
    }
    questions.push({ index: questions.length, question: row.question, acceptable: row.acceptable.map(String) });
  });
  return questions;
}

/** The parts of a POST /api/chat response the judgement reads. */
export interface ChatResponse {
  replies: ReadonlyArray<{ text: string; quickReplies?: ReadonlyArray<{ label: string; payload: string }> }>;
  intent: string;
  procedure: { code: string; name: string } | null;
  confidence: number;
  handoff: unknown;
}

export type Verdict = 'right' | 'wrong' | 'unhelpful';

/** Why a reply got its verdict. The first two are right, the next two wrong, the rest unhelpful. */
export const CAUSES = [
  'answered',
  'clarified',
  'wrong_near_duplicate',
  'wrong_procedure',
  'clarify_without_right',
  'clarify_too_many',
  'not_found',
  'out_of_scope',
  'which_procedure',
  'fallback',
  'handoff',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABELS: Record<Cause, string> = {
  answered: 'answered directly with an acceptable procedure',
  clarified: 'asked which procedure, an acceptable one among ≤4 options',
  wrong_near_duplicate: 'committed a near-duplicate (other level/agency) of an acceptable procedure',
  wrong_procedure: 'committed a procedure that is not acceptable',
  clarify_without_right: 'asked which procedure, no acceptable one among the options',
  clarify_too_many: 'asked which procedure with more than 4 options',
  not_found: '"no matching procedure" reply (topic resolved to nothing)',
  out_of_scope: 'intent out_of_scope (off-topic words or a topic naming nothing)',
  which_procedure: 'asked "which procedure?" with no options (no topic left)',
  fallback: 'intent fallback (nothing understood)',
  handoff: 'handed over to an officer',
  other: 'anything else (greeting, thanks, status …)',
};

export interface Judgement {
  verdict: Verdict;
  cause: Cause;
  /** The procedure the reply committed to, if any. */
  committed: string | null;
  /** Codes offered as `pick:` quick replies, in order. */
  picks: string[];
  /** True when the reply is a clarification: no procedure committed, at least one pick offered. */
  clarification: boolean;
}

export interface JudgeOptions {
  /** A clarification with more options than this is unhelpful. */
  maxOptions?: number;
  /** The near-duplicate group of a code (itself included), to tell near-duplicate commits apart. */
  groupOf?: (code: string) => readonly string[];
}

const PICK = 'pick:';

/** Codes offered as `pick:<code>` quick replies over all replies of the turn. */
export function pickedCodes(response: ChatResponse): string[] {
  const codes: string[] = [];
  for (const reply of response.replies) {
    for (const quick of reply.quickReplies ?? []) {
      if (quick.payload.startsWith(PICK)) {
        const code = quick.payload.slice(PICK.length);
        if (!codes.includes(code)) codes.push(code);
      }
    }
  }
  return codes;
}

/** What two renderings of a composed reply share at their start, to recognise it in a response. */
function sharedOpening(a: string, b: string): string {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return a.slice(0, length);
}
const NOT_FOUND_OPENING = sharedOpening(composeProcedureNotFound(false)[0]!.text, composeProcedureNotFound(true)[0]!.text);
const WHICH_PROCEDURE_OPENING = sharedOpening(composeWhichProcedure('fee')[0]!.text, composeWhichProcedure('documents')[0]!.text);

function unhelpfulCause(response: ChatResponse, picks: readonly string[], maxOptions: number): Cause {
  if (picks.length > maxOptions) return 'clarify_too_many';
  if (picks.length > 0) return 'clarify_without_right';
  if (response.handoff || response.intent === 'handoff') return 'handoff';
  if (response.intent === 'out_of_scope') return 'out_of_scope';
  if (response.intent === 'fallback') return 'fallback';
  const first = response.replies[0]?.text ?? '';
  if (first.startsWith(NOT_FOUND_OPENING)) return 'not_found';
  if (first.startsWith(WHICH_PROCEDURE_OPENING)) return 'which_procedure';
  return 'other';
}

/**
 * Right: the committed procedure is acceptable, or nothing is committed and at most
 * `maxOptions` pick options include an acceptable code. Wrong: a procedure is committed and it
 * is not acceptable. Unhelpful: everything else.
 */
export function judgeReply(response: ChatResponse, acceptable: readonly string[], options: JudgeOptions = {}): Judgement {
  const maxOptions = options.maxOptions ?? 4;
  const picks = pickedCodes(response);
  const committed = response.procedure?.code ?? null;
  const clarification = committed === null && picks.length > 0;
  if (committed !== null) {
    if (acceptable.includes(committed)) return { verdict: 'right', cause: 'answered', committed, picks, clarification };
    const nearDuplicate = options.groupOf !== undefined && acceptable.some((code) => options.groupOf!(code).includes(committed));
    return { verdict: 'wrong', cause: nearDuplicate ? 'wrong_near_duplicate' : 'wrong_procedure', committed, picks, clarification };
  }
  if (clarification && picks.length <= maxOptions && picks.some((code) => acceptable.includes(code))) {
    return { verdict: 'right', cause: 'clarified', committed, picks, clarification };
  }
  return { verdict: 'unhelpful', cause: unhelpfulCause(response, picks, maxOptions), committed, picks, clarification };
}

/** The acceptable codes with every near-duplicate of each (for the grouped score). */
export function withNearDuplicates(acceptable: readonly string[], groupOf: (code: string) => readonly string[]): string[] {
  return [...new Set(acceptable.flatMap((code) => [code, ...groupOf(code)]))];
}

/** One played question as the rates need it. */
export interface Played {
  judgement: Judgement;
  confidence: number;
}

export interface Rates {
  scored: number;
  right: number;
  wrong: number;
  unhelpful: number;
  answeredRight: number;
  clarifiedRight: number;
  /** Replies that were clarifications, whatever their verdict. */
  clarifications: number;
  /** Replies that committed a procedure, whatever their verdict. */
  commits: number;
  byCause: Record<Cause, number>;
}

export function rates(played: readonly Played[]): Rates {
  const byCause = Object.fromEntries(CAUSES.map((cause) => [cause, 0])) as Record<Cause, number>;
  const out: Rates = { scored: played.length, right: 0, wrong: 0, unhelpful: 0, answeredRight: 0, clarifiedRight: 0, clarifications: 0, commits: 0, byCause };
  for (const { judgement } of played) {
    out[judgement.verdict] += 1;
    byCause[judgement.cause] += 1;
    if (judgement.cause === 'answered') out.answeredRight += 1;
    if (judgement.cause === 'clarified') out.clarifiedRight += 1;
    if (judgement.clarification) out.clarifications += 1;
    if (judgement.committed !== null) out.commits += 1;
  }
  return out;
}

export interface RiskCoverageRow {
  threshold: number;
  /** Commits kept at this threshold. */
  answered: number;
  answeredRight: number;
  answeredWrong: number;
  /** answered / scored. */
  coverage: number;
  /** answeredWrong / answered (0 when nothing is answered). */
  risk: number;
}

/** Thresholds 0.00, 0.05 … 1.00. */
export const DEFAULT_THRESHOLDS: readonly number[] = Array.from({ length: 21 }, (_, i) => Number((i * 0.05).toFixed(2)));

/**
 * If the bot committed only when its confidence is at least t (and otherwise did not commit):
 * how many questions would still be answered, and how many of those answers would be wrong.
 */
export function riskCoverage(played: readonly Played[], thresholds: readonly number[] = DEFAULT_THRESHOLDS): RiskCoverageRow[] {
  const commits = played.filter((p) => p.judgement.committed !== null);
  return thresholds.map((threshold) => {
    const kept = commits.filter((p) => p.confidence >= threshold - 1e-9);
    const answeredRight = kept.filter((p) => p.judgement.verdict === 'right').length;
    const answeredWrong = kept.length - answeredRight;
    return {
      threshold,
      answered: kept.length,
      answeredRight,
      answeredWrong,
      coverage: played.length ? kept.length / played.length : 0,
      risk: kept.length ? answeredWrong / kept.length : 0,
    };
  });
}

/** The q-quantile (0..1, nearest rank) of the values; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
