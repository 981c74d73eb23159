/** Migration 4: handoff tickets. Shipped: never edit, add a new file. */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 4,
  name: 'handoff_tickets',
  sql: `
      CREATE TABLE handoff_tickets (
        id              TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        channel         TEXT NOT NULL,
        state           TEXT NOT NULL,
        trigger         TEXT NOT NULL,
        sector          TEXT,
        procedure_code  TEXT,
        officer_id      TEXT,
        version         INTEGER NOT NULL DEFAULT 0,
        waiting_since   TIMESTAMPTZ NOT NULL DEFAULT now(),
        claimed_at      TIMESTAMPTZ,
        closed_at       TIMESTAMPTZ,
        end_reason      TEXT,
        summary         TEXT NOT NULL DEFAULT '',
        callback_phone  TEXT,
        created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      -- At most one open ticket per conversation, whatever races happen.
      CREATE UNIQUE INDEX handoff_one_open_ticket ON handoff_tickets (conversation_id) WHERE state <> 'closed';
      CREATE INDEX handoff_queue ON handoff_tickets (state, waiting_since);`,
};
