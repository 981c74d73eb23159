/**
 * Officer login failures per (account, client address), and the addresses each account last
 * signed in from (adapters/sql/sql-officer-store.ts): a stranger elsewhere cannot lock an officer
 * out of the address they work from. Plus the index the retention job reads conversations by.
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 10,
  name: 'officer_login_pairs',
  sql: `
      CREATE TABLE officer_login_pairs (
        officer_id    TEXT NOT NULL REFERENCES officer_accounts(id) ON DELETE CASCADE,
        client_key    TEXT NOT NULL,
        failed        INTEGER NOT NULL DEFAULT 0,
        locked_until  TIMESTAMPTZ,
        last_success  TIMESTAMPTZ,
        last_attempt  TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (officer_id, client_key)
      );
      CREATE INDEX conversations_by_update ON conversations (updated_at);`,
};
