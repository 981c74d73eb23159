/** AnswerFeedbackStore over the Db seam: one statement checks the message and upserts the rating. */
import type { Db } from './db/db.ts';
import type { AnswerFeedback, AnswerFeedbackStore } from '../../bot/insights/answer-feedback.ts';

interface FeedbackRow {
  message_id: number | string;
  conversation_id: string;
  rating: AnswerFeedback['rating'];
  comment: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const toFeedback = (row: FeedbackRow): AnswerFeedback => ({
  messageId: Number(row.message_id),
  conversationId: row.conversation_id,
  rating: row.rating,
  comment: row.comment,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export function createSqlAnswerFeedbackStore(db: Db): AnswerFeedbackStore {
  return {
    async record(feedback) {
      const { rows } = await db.query<FeedbackRow>(
        `INSERT INTO answer_feedback (message_id, conversation_id, rating, comment)
         SELECT m.id, m.conversation_id, $3, $4 FROM messages m
         WHERE m.id = $1 AND m.conversation_id = $2 AND m.author = 'bot'
         ON CONFLICT (message_id) DO UPDATE SET
           rating = EXCLUDED.rating,
           comment = COALESCE(EXCLUDED.comment, answer_feedback.comment),
           updated_at = now()
         RETURNING *`,
        [feedback.messageId, feedback.conversationId, feedback.rating, feedback.comment ?? null],
      );
      return rows[0] ? toFeedback(rows[0]) : null;
    },
    async get(messageId) {
      const { rows } = await db.query<FeedbackRow>('SELECT * FROM answer_feedback WHERE message_id = $1', [messageId]);
      return rows[0] ? toFeedback(rows[0]) : null;
    },
    async awaitingComment(conversationId, since) {
      const { rows } = await db.query<FeedbackRow>(
        `SELECT f.* FROM answer_feedback f
         WHERE f.conversation_id = $1 AND f.rating = 'down' AND f.comment IS NULL AND f.updated_at >= $2
           AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = $1 AND m.author = 'citizen' AND m.created_at > f.updated_at)
         ORDER BY f.updated_at DESC LIMIT 1`,
        [conversationId, since.toISOString()],
      );
      return rows[0] ? toFeedback(rows[0]) : null;
    },
  };
}
