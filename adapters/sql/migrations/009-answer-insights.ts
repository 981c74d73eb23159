/**
 * Insights: each bot answer keeps the citizen message it answers, the turn's outcome and
 * confidence; citizens' 👍/👎 (with an optional comment) per answer; a ticket's first claim,
 * which a transfer does not move (the officer wait is measured to it).
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 9,
  name: 'answer_insights',
  sql: `
      ALTER TABLE messages ADD COLUMN reply_to BIGINT;
      ALTER TABLE messages ADD COLUMN outcome TEXT;
      ALTER TABLE messages ADD COLUMN confidence REAL;
      CREATE INDEX messages_answers_by_time ON messages (created_at) WHERE outcome IS NOT NULL;
      CREATE INDEX conversations_by_created ON conversations (created_at);
      CREATE TABLE answer_feedback (
        message_id       BIGINT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        rating           TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment          TEXT,
        created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX answer_feedback_by_time ON answer_feedback (updated_at);
      ALTER TABLE handoff_tickets ADD COLUMN first_claimed_at TIMESTAMPTZ;
      UPDATE handoff_tickets SET first_claimed_at = claimed_at;`,
};
