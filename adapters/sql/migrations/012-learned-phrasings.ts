/**
 * Citizens' wordings supervisors attached to procedures: one row each with who, when and why; a
 * removal fills the removed_* columns instead of deleting the row. `revision` takes the next value
 * of its sequence on every add and removal, so another instance notices either by max(revision).
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 12,
  name: 'learned_phrasings',
  sql: `
      CREATE SEQUENCE learned_phrasing_revisions;
      CREATE TABLE learned_phrasings (
        id              BIGSERIAL PRIMARY KEY,
        code            TEXT NOT NULL,
        text            TEXT NOT NULL,
        words           TEXT NOT NULL,
        author          TEXT NOT NULL,
        reason          TEXT NOT NULL,
        created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
        removed_at      TIMESTAMPTZ,
        removed_by      TEXT,
        removed_reason  TEXT,
        revision        BIGINT NOT NULL DEFAULT nextval('learned_phrasing_revisions')
      );
      CREATE UNIQUE INDEX learned_phrasings_active ON learned_phrasings (code, words) WHERE removed_at IS NULL;`,
};
