/**
 * The local overlay: each change of a province's value for one procedure and channel is a new
 * row (who, when, why, the value before); the current value is the latest version of each entry.
 * The province's own procedures (whole records) are versioned the same way.
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 11,
  name: 'local_overlay',
  sql: `
      CREATE TABLE local_overlay_versions (
        id          BIGSERIAL PRIMARY KEY,
        code        TEXT NOT NULL,
        channel     TEXT NOT NULL CHECK (channel IN ('truc_tiep', 'truc_tuyen', 'buu_chinh', '*')),
        version     INTEGER NOT NULL CHECK (version > 0),
        fields      JSONB,
        previous    JSONB,
        author      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        revert_of   BIGINT REFERENCES local_overlay_versions(id),
        created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (code, channel, version)
      );
      CREATE INDEX local_overlay_versions_by_code ON local_overlay_versions (code, id);
      CREATE TABLE local_procedure_versions (
        id          BIGSERIAL PRIMARY KEY,
        code        TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version > 0),
        record      JSONB,
        previous    JSONB,
        author      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        revert_of   BIGINT REFERENCES local_procedure_versions(id),
        created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      );`,
};
