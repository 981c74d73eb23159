/**
 * Schema migrations, applied in order, once each, under an advisory lock so two instances
 * starting together against one PostgreSQL don't race. Append only: never edit a shipped one.
 */
import type { Db } from '../db/db.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'procedures',
    sql: `
      CREATE TABLE procedures (
        code        TEXT PRIMARY KEY,
        origin      TEXT NOT NULL,
        name        TEXT NOT NULL,
        record      JSONB NOT NULL,
        checksum    TEXT NOT NULL,
        updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
      );`,
  },
  {
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
  },
  {
    id: 3,
    name: 'dossiers',
    sql: `
      CREATE TABLE dossiers (
        code             TEXT PRIMARY KEY,
        procedure_code   TEXT NOT NULL,
        procedure_name   TEXT,
        received_at      TIMESTAMPTZ NOT NULL,
        due_at           TIMESTAMPTZ NOT NULL,
        status           TEXT NOT NULL,
        step             TEXT,
        agency           TEXT,
        note             TEXT,
        applicant_name   TEXT NOT NULL,
        applicant_phone  TEXT NOT NULL,
        is_demo          BOOLEAN NOT NULL DEFAULT false,
        updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE dossier_history (
        id          BIGSERIAL PRIMARY KEY,
        code        TEXT NOT NULL REFERENCES dossiers(code) ON DELETE CASCADE,
        status      TEXT NOT NULL,
        step        TEXT,
        note        TEXT,
        changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX dossier_history_by_code ON dossier_history (code, id);
      -- Audit log of lookups, verifications and subscriptions; also the source of rate limits and lockouts.
      CREATE TABLE dossier_lookups (
        id               BIGSERIAL PRIMARY KEY,
        at               TIMESTAMPTZ NOT NULL DEFAULT now(),
        action           TEXT NOT NULL,
        outcome          TEXT NOT NULL,
        code             TEXT,
        source           TEXT,
        conversation_id  TEXT,
        channel          TEXT,
        client_key       TEXT
      );
      CREATE INDEX dossier_lookups_by_conversation ON dossier_lookups (conversation_id, at);
      CREATE INDEX dossier_lookups_by_client ON dossier_lookups (client_key, at);
      CREATE INDEX dossier_lookups_by_code ON dossier_lookups (code, at);
      -- Subscriptions may name dossiers of an external source, so no reference to dossiers(code).
      CREATE TABLE dossier_subscriptions (
        code             TEXT NOT NULL,
        conversation_id  TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        channel          TEXT NOT NULL,
        created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (code, conversation_id)
      );`,
  },
  {
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
  },
  {
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
  },
  {
    id: 6,
    name: 'conversation_handoff_flag',
    // Whether a conversation has an open ticket, kept by the ticket store in the same transaction
    // that bumps the conversation's version — so a bot turn needs no ticket lookup when it is false.
    sql: `
      ALTER TABLE conversations ADD COLUMN handoff_open BOOLEAN NOT NULL DEFAULT false;
      UPDATE conversations c SET handoff_open = true
        WHERE EXISTS (SELECT 1 FROM handoff_tickets t WHERE t.conversation_id = c.id AND t.state <> 'closed');`,
  },
  // Id 7 is taken by another branch; this one needs nothing of it.
  {
    id: 8,
    name: 'push_channel_delivery',
    // Push channels (the Zalo OA): the citizens they know, the webhook events they accepted, their
    // API credentials, and the outbox every outbound message passes through before it is sent.
    sql: `
      CREATE TABLE channel_contacts (
        channel            TEXT NOT NULL,
        account_id         TEXT NOT NULL,
        user_id            TEXT NOT NULL,
        conversation_id    TEXT NOT NULL UNIQUE,
        followed           BOOLEAN,
        last_inbound_at    TIMESTAMPTZ,
        replies_used       INTEGER NOT NULL DEFAULT 0,
        offered            JSONB NOT NULL DEFAULT '[]'::jsonb,
        delivered_through  BIGINT NOT NULL DEFAULT 0,
        created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, account_id, user_id)
      );
      CREATE TABLE inbound_receipts (
        channel          TEXT NOT NULL,
        key              TEXT NOT NULL,
        event            JSONB NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TIMESTAMPTZ NOT NULL,
        processed_at     TIMESTAMPTZ,
        last_error       TEXT,
        received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, key)
      );
      CREATE INDEX inbound_receipts_due ON inbound_receipts (channel, next_attempt_at) WHERE processed_at IS NULL;
      -- One row per channel account; refreshed under SELECT … FOR UPDATE (refresh tokens are single-use).
      CREATE TABLE channel_tokens (
        account        TEXT PRIMARY KEY,
        access_token   TEXT NOT NULL,
        refresh_token  TEXT NOT NULL,
        expires_at     TIMESTAMPTZ,
        seed_hash      TEXT NOT NULL,
        updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE outbox (
        id               BIGSERIAL PRIMARY KEY,
        channel          TEXT NOT NULL,
        conversation_id  TEXT NOT NULL,
        recipient        TEXT NOT NULL,
        message_id       BIGINT NOT NULL,
        part             INTEGER NOT NULL,
        body             JSONB NOT NULL,
        fallback         JSONB,
        status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TIMESTAMPTZ NOT NULL,
        locked_until     TIMESTAMPTZ,
        last_error       TEXT,
        failure          TEXT,
        sent_as          TEXT,
        created_at       TIMESTAMPTZ NOT NULL,
        sent_at          TIMESTAMPTZ,
        UNIQUE (channel, message_id, part)
      );
      CREATE INDEX outbox_pending ON outbox (channel, conversation_id, message_id, part) WHERE status = 'pending';
      CREATE INDEX outbox_by_conversation ON outbox (conversation_id, id);`,
  },
];

const MIGRATION_LOCK_KEY = 482_215_001;

export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = new Set(
      (await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    const newlyApplied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      newlyApplied.push(migration.id);
    }
    return newlyApplied;
  });
}
