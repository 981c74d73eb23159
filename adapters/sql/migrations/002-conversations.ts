/** Migration 2: conversations. Shipped: never edit, add a new file. */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 2,
  name: 'conversations',
  sql: `
      CREATE TABLE conversations (
        id          TEXT PRIMARY KEY,
        channel     TEXT NOT NULL,
        state       JSONB NOT NULL DEFAULT '{}'::jsonb,
        version     INTEGER NOT NULL DEFAULT 0,
        created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE messages (
        id               BIGSERIAL PRIMARY KEY,
        conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        author           TEXT NOT NULL,
        text             TEXT NOT NULL,
        payload          JSONB,
        intent           TEXT,
        procedure_code   TEXT,
        created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX messages_by_conversation ON messages (conversation_id, id);`,
};
