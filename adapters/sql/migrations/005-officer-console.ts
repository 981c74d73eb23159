/** Migration 5: officer console. Shipped: never edit, add a new file. */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 5,
  name: 'officer_console',
  sql: `
      CREATE TABLE officer_accounts (
        id              TEXT PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('officer', 'supervisor')),
        sectors         JSONB NOT NULL DEFAULT '[]'::jsonb,
        password_hash   TEXT NOT NULL,
        failed_logins   INTEGER NOT NULL DEFAULT 0,
        locked_until    TIMESTAMPTZ,
        created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      -- Only a hash of the session token is stored; the CSRF token is per session.
      CREATE TABLE officer_sessions (
        token_hash   TEXT PRIMARY KEY,
        officer_id   TEXT NOT NULL REFERENCES officer_accounts(id) ON DELETE CASCADE,
        csrf_token   TEXT NOT NULL,
        created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at   TIMESTAMPTZ NOT NULL
      );
      -- A ticket no officer could take live (timeout, outside office hours) is answered later.
      ALTER TABLE handoff_tickets ADD COLUMN follow_up TEXT;
      CREATE INDEX handoff_follow_ups ON handoff_tickets (follow_up, closed_at);
      CREATE TABLE handoff_ratings (
        ticket_id        TEXT PRIMARY KEY REFERENCES handoff_tickets(id) ON DELETE CASCADE,
        conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        officer_id       TEXT,
        rating           INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
      );`,
};
