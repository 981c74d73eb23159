/** Migration 3: dossiers. Shipped: never edit, add a new file. */
import type { Migration } from './migration.ts';

export const migration: Migration = {
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
};
