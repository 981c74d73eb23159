/**
 * POST /api/chat/:id/feedback: a citizen rates a bot answer; each turn's outcome is recorded with
 * it; neither the question nor the comment (a name, a phone, a CCCD) reaches the logs.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../../../channels/http/logger.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

interface ChatResponse {
  conversationId: string;
  answerId: number | null;
  intent: string;
}

describe('answer feedback over HTTP', () => {
  let app: TestApp;
  const lines: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  beforeAll(async () => {
    app = await startTestApp({ logger });
  }, 120_000);
  afterAll(async () => app?.close());

  const chat = async (text: string, conversationId?: string): Promise<ChatResponse> => {
    const response = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as ChatResponse;
  };
  const rate = (conversationId: string, body: unknown) =>
    fetch(`${app.url}/api/chat/${conversationId}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('a rating and a later comment are stored on the answer', async () => {
    const turn = await chat('làm hộ chiếu cần giấy tờ gì');
    expect(turn.answerId).toEqual(expect.any(Number));
    const first = await rate(turn.conversationId, { messageId: turn.answerId, rating: 'down' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ feedback: { messageId: turn.answerId, rating: 'down', comment: null } });
    const second = await rate(turn.conversationId, { messageId: turn.answerId, rating: 'down', comment: '  Thiếu mẫu tờ khai  ' });
    expect(await second.json()).toEqual({ feedback: { messageId: turn.answerId, rating: 'down', comment: 'Thiếu mẫu tờ khai' } });
    expect(await app.deps.insights.feedback.get(turn.answerId!)).toMatchObject({ rating: 'down', comment: 'Thiếu mẫu tờ khai', conversationId: turn.conversationId });
  });

  test.each([
    ['no messageId', { rating: 'up' }, /messageId/],
    ['a rating that is not up/down', { messageId: 1, rating: 'meh' }, /up/],
    ['a comment over 1,000 characters', { messageId: 1, rating: 'up', comment: 'a'.repeat(1001) }, /1000/],
  ])('%s → 400 with a Vietnamese message, nothing stored', async (_name, body, message) => {
    const turn = await chat('lệ phí làm hộ chiếu');
    const response = await rate(turn.conversationId, body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('invalid_request');
    expect(json.error.message).toMatch(message);
    expect(await app.deps.insights.feedback.get(turn.answerId!)).toBeNull();
  });

  test("another conversation's answer or the citizen's own message → 404", async () => {
    const mine = await chat('làm hộ chiếu cần giấy tờ gì');
    const theirs = await chat('đăng ký khai sinh cần gì');
    const foreign = await rate(mine.conversationId, { messageId: theirs.answerId, rating: 'up' });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/Không tìm thấy câu trả lời/);
    const own = await rate(mine.conversationId, { messageId: mine.answerId! - 1, rating: 'up' });
    expect(own.status).toBe(404);
  });

  test('each answer records the question it answers and what became of the turn', async () => {
    const answered = await chat('làm hộ chiếu cần giấy tờ gì');
    const offTopic = await chat('giá vàng hôm nay bao nhiêu');
    const unknown = await chat('qwzx plokm trâu bay');
    const { rows } = await app.deps.db.query<{ id: string; outcome: string; reply_to: string; text: string }>(
      `SELECT m.id, m.outcome, m.reply_to, q.text FROM messages m JOIN messages q ON q.id = m.reply_to WHERE m.id = ANY($1::bigint[]) ORDER BY m.id`,
      [[answered.answerId, offTopic.answerId, unknown.answerId]],
    );
    expect(rows.map((r) => [r.text, r.outcome])).toEqual([
      ['làm hộ chiếu cần giấy tờ gì', 'answered'],
      ['giá vàng hôm nay bao nhiêu', 'out_of_scope'],
      ['qwzx plokm trâu bay', 'not_found'],
    ]);
  });

  test('personal data in a question or a feedback comment never reaches the logs', async () => {
    const name = 'Trần Thị Mai';
    const phone = '0987654321';
    const cccd = '079203001234';
    const turn = await chat(`Tôi là ${name}, CCCD ${cccd}, sđt ${phone}, làm hộ chiếu cần gì`);
    const response = await rate(turn.conversationId, { messageId: turn.answerId, rating: 'down', comment: `${name} gọi lại ${phone}, CCCD ${cccd}` });
    expect(response.status).toBe(200);
    const written = lines.join('');
    expect(written).toContain('/api/chat/:conversationId/feedback');
    for (const secret of [name, 'Mai', phone, '987654321', cccd, '79203001234']) expect(written).not.toContain(secret);
  });
});
