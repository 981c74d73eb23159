/** Migration 1: procedures. Shipped: never edit, add a new file. */
import type { Migration } from './migration.ts';

export const migration: Migration = {
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
};
