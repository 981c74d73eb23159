/**
 * Whether a conversation has an open ticket, kept by the ticket store in the same transaction
 * that bumps the conversation's version — so a bot turn needs no ticket lookup when it is false.
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 6,
  name: 'conversation_handoff_flag',
  sql: `
      ALTER TABLE conversations ADD COLUMN handoff_open BOOLEAN NOT NULL DEFAULT false;
      UPDATE conversations c SET handoff_open = true
        WHERE EXISTS (SELECT 1 FROM handoff_tickets t WHERE t.conversation_id = c.id AND t.state <> 'closed');`,
};
