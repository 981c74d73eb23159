/**
 * What puts a conversation in the officer queue, through the bot core with the bundled catalog
 * and the real lexical retriever: asking for a person, two failed turns in a row, negative
 * feedback — each with its HANDOFF_TRIGGERS reason and the sector of the procedure under discussion.
 */
import { describe, expect, test } from 'vitest';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { createProcedureRetriever } from '../../../indexer/procedure-retriever.ts';
import { LexicalScorer } from '../../../indexer/lexical/lexical-scorer.ts';
import { handleTurn } from '../../../bot/turn.ts';
import type { TurnOutcome } from '../../../bot/turn-context.ts';

const procedures = loadBundledCatalog();
const catalog = createCatalog(procedures);
const retriever = createProcedureRetriever({ procedures, lexical: new LexicalScorer(procedures), mode: 'lexical' });
const deps = { catalog, retriever };

function conversation() {
  let state: unknown = {};
  return async (text: string): Promise<TurnOutcome> => {
    const result = await handleTurn({ conversationId: 'c', channel: 'test', text, state, receivedAt: new Date() }, deps);
    state = result.state;
    return result;
  };
}

describe('handoff triggers', () => {
  test('asking for a person: citizen_request, routed to the sector under discussion', async () => {
    const say = conversation();
    await say('đăng ký khai sinh cần giấy tờ gì');
    const result = await say('cho tôi gặp cán bộ');
    expect(result.intent).toBe('handoff');
    expect(result.handoffRequested).toEqual({ reason: 'citizen_request', sector: 'Hộ tịch' });
  });

  test('two failed turns in a row: repeated_failure (one failure is not enough)', async () => {
    const say = conversation();
    expect((await say('asdfgh qwerty')).handoffRequested).toBeNull();
    expect((await say('zxcvb poiuy')).handoffRequested).toEqual({ reason: 'repeated_failure', sector: null });
  });

  test('negative feedback after an answer: negative_feedback with an apology', async () => {
    const say = conversation();
    await say('lệ phí làm hộ chiếu');
    const result = await say('trả lời sai rồi, vô dụng');
    expect(result.handoffRequested).toEqual({ reason: 'negative_feedback', sector: 'Quản lý xuất nhập cảnh' });
    expect(result.replies[0]!.text).toMatch(/xin lỗi/);
  });

  test('"không đúng" inside a real procedure question is not feedback', async () => {
    const say = conversation();
    await say('xin chào');
    const result = await say('đăng ký khai sinh không đúng hạn cần giấy tờ gì');
    expect(result.handoffRequested).toBeNull();
  });
});
