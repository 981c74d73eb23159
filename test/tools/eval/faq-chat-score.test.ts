/**
 * Judging a chat reply to a portal FAQ question (tools/eval/faq-chat-score.ts) without a server:
 * responses are built from the bot's own composed replies, so a change of wording there keeps
 * being recognised here.
 */
import { describe, expect, test } from 'vitest';
import { composeClarify, optionLabels } from '../../../bot/compose/clarify.ts';
import { composeFallback, composeOutOfScope, composeProcedureNotFound, composeWhichProcedure } from '../../../bot/compose/conversation.ts';
import type { Reply } from '../../../bot/replies.ts';
import { ProcedureSchema, type Procedure } from '../../../knowledge/schema.ts';
import {
  judgeReply,
  parseFaqDevJsonl,
  pickedCodes,
  quantile,
  rates,
  riskCoverage,
  withNearDuplicates,
  type ChatResponse,
  type Played,
} from '../../../tools/eval/faq-chat-score.ts';

const made = (code: string, name: string): Procedure =>
  ProcedureSchema.parse({ code, name, levels: ['xa'], sector: 'Hộ tịch', lastUpdated: '2026-01-01', origin: 'national' });

const wire = (replies: Reply[]): ChatResponse['replies'] =>
  replies.map((r) => ({ text: r.text, ...(r.kind !== 'text' && r.quickReplies?.length ? { quickReplies: r.quickReplies } : {}) }));

function response(partial: Partial<ChatResponse>): ChatResponse {
  return { replies: [{ text: 'Dạ, …' }], intent: 'overview', procedure: null, confidence: 0.5, handoff: null, ...partial };
}

const committed = (code: string, confidence = 0.9) => response({ procedure: { code, name: `Thủ tục ${code}` }, confidence, intent: 'documents' });

function clarification(codes: string[]): ChatResponse {
  const options = optionLabels(codes.map((code, i) => made(code, `Đăng ký việc ${i + 1}`)));
  return response({ replies: wire(composeClarify(options)), intent: 'fee', confidence: 0.3 });
}

describe('judging one reply', () => {
  test('a committed acceptable procedure is answered and right', () => {
    expect(judgeReply(committed('1.000001'), ['1.000001', '1.000002'])).toMatchObject({ verdict: 'right', cause: 'answered', committed: '1.000001', clarification: false });
  });

  test('a committed procedure that is not acceptable is wrong, a near-duplicate of an acceptable one said so', () => {
    const groupOf = (code: string) => (['1.000001', '2.000001'].includes(code) ? ['1.000001', '2.000001'] : [code]);
    expect(judgeReply(committed('3.000003'), ['1.000001'], { groupOf })).toMatchObject({ verdict: 'wrong', cause: 'wrong_procedure' });
    expect(judgeReply(committed('2.000001'), ['1.000001'], { groupOf })).toMatchObject({ verdict: 'wrong', cause: 'wrong_near_duplicate' });
    // Grouped scoring accepts the near-duplicate.
    expect(judgeReply(committed('2.000001'), withNearDuplicates(['1.000001'], groupOf)).verdict).toBe('right');
  });

  test('a committed answer that also offers other levels is judged by the committed code', () => {
    const reply = committed('2.000001');
    const withLevels = { ...reply, replies: [...reply.replies, { text: 'Thủ tục này còn …', quickReplies: [{ label: 'Cấp tỉnh', payload: 'pick:1.000001' }] }] };
    expect(judgeReply(withLevels, ['1.000001'])).toMatchObject({ verdict: 'wrong', clarification: false, picks: ['1.000001'] });
  });

  test('a clarification with ≤4 options is right when one is acceptable, unhelpful otherwise — never wrong', () => {
    const asked = clarification(['1.000011', '1.000012', '1.000013']);
    expect(pickedCodes(asked)).toEqual(['1.000011', '1.000012', '1.000013']);
    expect(judgeReply(asked, ['1.000012'])).toMatchObject({ verdict: 'right', cause: 'clarified', clarification: true });
    expect(judgeReply(asked, ['9.999999'])).toMatchObject({ verdict: 'unhelpful', cause: 'clarify_without_right', clarification: true });
  });

  test('more than four options is unhelpful even with the right one among them', () => {
    const many = clarification(['1.000021', '1.000022', '1.000023', '1.000024', '1.000025']);
    expect(judgeReply(many, ['1.000021'])).toMatchObject({ verdict: 'unhelpful', cause: 'clarify_too_many' });
  });

  test('replies that name nothing are unhelpful, each with its cause', () => {
    const cases: Array<[ChatResponse, string]> = [
      [response({ replies: wire(composeOutOfScope(true)), intent: 'out_of_scope' }), 'out_of_scope'],
      [response({ replies: wire(composeProcedureNotFound(false)), intent: 'documents' }), 'not_found'],
      [response({ replies: wire(composeProcedureNotFound(true)), intent: 'fee' }), 'not_found'],
      [response({ replies: wire(composeWhichProcedure('processing_time')), intent: 'processing_time' }), 'which_procedure'],
      [response({ replies: wire(composeFallback(false)), intent: 'fallback' }), 'fallback'],
      [response({ intent: 'handoff', handoff: { state: 'waiting_officer', ticketId: 't1' } }), 'handoff'],
      [response({ intent: 'greeting' }), 'other'],
    ];
    for (const [reply, cause] of cases) expect(judgeReply(reply, ['1.000001']), cause).toMatchObject({ verdict: 'unhelpful', cause });
    // The officer / example quick replies of a fallback are not procedure options.
    expect(pickedCodes(cases[4]![0])).toEqual([]);
  });
});

describe('rates and risk–coverage', () => {
  const played: Played[] = [
    { judgement: judgeReply(committed('A', 0.9), ['A']), confidence: 0.9 },
    { judgement: judgeReply(committed('B', 0.6), ['A']), confidence: 0.6 },
    { judgement: judgeReply(committed('C', 0.3), ['C']), confidence: 0.3 },
    { judgement: judgeReply(clarification(['1.000031', '1.000032']), ['1.000032']), confidence: 0.3 },
    { judgement: judgeReply(response({ intent: 'out_of_scope' }), ['A']), confidence: 0.7 },
  ];

  test('rates count verdicts, causes, clarifications and commits', () => {
    const r = rates(played);
    expect(r).toMatchObject({ scored: 5, right: 3, wrong: 1, unhelpful: 1, answeredRight: 2, clarifiedRight: 1, clarifications: 1, commits: 3 });
    expect(r.byCause.out_of_scope).toBe(1);
  });

  test('raising the threshold keeps only confident commits; clarifications and non-answers never count as answered', () => {
    const rows = riskCoverage(played, [0, 0.5, 0.7, 1]);
    expect(rows.map((r) => [r.threshold, r.answered, r.answeredWrong])).toEqual([
      [0, 3, 1],
      [0.5, 2, 1],
      [0.7, 1, 0],
      [1, 0, 0],
    ]);
    expect(rows[1]!.coverage).toBeCloseTo(2 / 5);
    expect(rows[1]!.risk).toBeCloseTo(1 / 2);
    expect(rows[3]!.risk).toBe(0);
  });

  test('quantile by nearest rank', () => {
    expect(quantile([0.1, 0.9, 0.5, 0.3], 0.5)).toBe(0.3);
    expect(quantile([0.1, 0.9, 0.5, 0.3], 1)).toBe(0.9);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });
});

describe('parsing faq-dev.jsonl', () => {
  test('reads question and acceptable, keeps empty acceptable lists, names a bad line', () => {
    const text = [
      JSON.stringify({ question: 'Hỏi 1?', acceptable: ['1.000001'], related_codes_in_kb: ['1.000009'] }),
      '',
      JSON.stringify({ question: 'Hỏi 2?', acceptable: [] }),
    ].join('\n');
    expect(parseFaqDevJsonl(text)).toEqual([
      { index: 0, question: 'Hỏi 1?', acceptable: ['1.000001'] },
      { index: 1, question: 'Hỏi 2?', acceptable: [] },
    ]);
    expect(() => parseFaqDevJsonl(`${JSON.stringify({ question: 'x', related_codes_in_kb: [] })}`)).toThrow(/line 1/);
  });
});
