/** AnswerFeedbackStore on every Db implementation: one rating per bot answer, only the conversation's own; a 👎 awaiting its comment. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlAnswerFeedbackStore } from '../../adapters/sql/sql-answer-feedback-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

describe.each(DB_FACTORIES)('AnswerFeedbackStore conformance: $name', (factory) => {
  let database: TestDatabase;
  let seq = 0;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  async function turn() {
    const conversations = createSqlConversationStore(database.db);
    const id = `conv-fb-${factory.name}-${(seq += 1)}`;
    const conversation = await conversations.ensure(id, 'webchat');
    const [citizen] = await conversations.append(id, [{ author: 'citizen', text: 'làm hộ chiếu cần gì' }]);
    const { messages } = await conversations.saveTurn(id, conversation.version, {}, [
      {
        author: 'bot',
        text: 'Hồ sơ gồm …',
        intent: 'documents',
        procedureCode: '1.001456',
        answer: { replyTo: citizen!.id, outcome: 'answered', confidence: 0.9 },
      },
    ]);
    return { id, citizen: citizen!, bot: messages[0]! };
  }

  test('a rating is stored per answer; a later comment joins it, a later rating replaces it', async () => {
    const feedback = createSqlAnswerFeedbackStore(database.db);
    const { id, bot } = await turn();
    expect(await feedback.record({ conversationId: id, messageId: bot.id, rating: 'down' })).toMatchObject({
      messageId: bot.id,
      rating: 'down',
      comment: null,
    });
    await feedback.record({ conversationId: id, messageId: bot.id, rating: 'down', comment: 'Thiếu lệ phí' });
    await feedback.record({ conversationId: id, messageId: bot.id, rating: 'up' });
    expect(await feedback.get(bot.id)).toMatchObject({ conversationId: id, rating: 'up', comment: 'Thiếu lệ phí' });
  });

  test('only a bot answer of the same conversation can be rated', async () => {
    const feedback = createSqlAnswerFeedbackStore(database.db);
    const first = await turn();
    const second = await turn();
    expect(await feedback.record({ conversationId: second.id, messageId: first.bot.id, rating: 'up' })).toBeNull();
    expect(await feedback.record({ conversationId: first.id, messageId: first.citizen.id, rating: 'up' })).toBeNull();
    expect(await feedback.record({ conversationId: first.id, messageId: 9_999_999, rating: 'up' })).toBeNull();
    expect(await feedback.get(first.bot.id)).toBeNull();
  });

  test('a 👎 awaits its comment until a comment, a later citizen message, another rating or the window ends it', async () => {
    const feedback = createSqlAnswerFeedbackStore(database.db);
    const conversations = createSqlConversationStore(database.db);
    const since = () => new Date(Date.now() - 60_000);
    const { id, bot } = await turn();
    expect(await feedback.awaitingComment(id, since())).toBeNull();
    await feedback.record({ conversationId: id, messageId: bot.id, rating: 'down' });
    expect(await feedback.awaitingComment(id, since())).toMatchObject({ messageId: bot.id, rating: 'down', comment: null });
    // Only within the window.
    expect(await feedback.awaitingComment(id, new Date(Date.now() + 60_000))).toBeNull();
    // Not for another conversation.
    expect(await feedback.awaitingComment((await turn()).id, since())).toBeNull();
    await feedback.record({ conversationId: id, messageId: bot.id, rating: 'down', comment: 'Sai lệ phí' });
    expect(await feedback.awaitingComment(id, since())).toBeNull();

    const second = await turn();
    await feedback.record({ conversationId: second.id, messageId: second.bot.id, rating: 'down' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await conversations.append(second.id, [{ author: 'citizen', text: 'câu hỏi khác' }]);
    expect(await feedback.awaitingComment(second.id, since())).toBeNull();

    const third = await turn();
    await feedback.record({ conversationId: third.id, messageId: third.bot.id, rating: 'down' });
    await feedback.record({ conversationId: third.id, messageId: third.bot.id, rating: 'up' });
    expect(await feedback.awaitingComment(third.id, since())).toBeNull();
  });

  test('the answer keeps the question it answers, its outcome and confidence', async () => {
    const { citizen, bot } = await turn();
    const { rows } = await database.db.query<{ reply_to: string | number; outcome: string; confidence: number }>(
      'SELECT reply_to, outcome, confidence FROM messages WHERE id = $1',
      [bot.id],
    );
    expect(rows[0]).toMatchObject({ outcome: 'answered' });
    expect(Number(rows[0]!.reply_to)).toBe(citizen.id);
    expect(Number(rows[0]!.confidence)).toBeCloseTo(0.9, 5);
  });
});
