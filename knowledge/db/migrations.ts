/**
 * Schema migrations, applied in order, once each, under an advisory lock so two instances
 * starting together against one PostgreSQL don't race. Append only: never edit a shipped one.
 */
import type { Db } from './db.ts';

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
