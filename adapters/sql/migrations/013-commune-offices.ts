/**
 * Per-commune one-stop shops in the local overlay: an entry is now keyed by (procedure code,
 * channel, commune), '' for the procedure's own row as before; a commune row may use the code
 * '*' (every commune-level procedure). Existing rows keep their versions.
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 13,
  name: 'commune_offices',
  sql: `
      ALTER TABLE local_overlay_versions ADD COLUMN commune TEXT NOT NULL DEFAULT '';
      ALTER TABLE local_overlay_versions DROP CONSTRAINT local_overlay_versions_code_channel_version_key;
      ALTER TABLE local_overlay_versions ADD CONSTRAINT local_overlay_versions_key_version UNIQUE (code, channel, commune, version);`,
};
