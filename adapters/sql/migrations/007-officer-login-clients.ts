/**
 * Failed (or still running) officer logins per client address in a fixed window, counted
 * in one statement before any password is checked (adapters/sql/sql-login-limit-store.ts).
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 7,
  name: 'officer_login_clients',
  sql: `
      CREATE TABLE officer_login_clients (
        client_key    TEXT PRIMARY KEY,
        window_start  TIMESTAMPTZ NOT NULL,
        attempts      INTEGER NOT NULL
      );`,
};
