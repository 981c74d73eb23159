/**
 * Applies the schema migrations (one file each in this folder, NNN-name.ts) in order, once each,
 * under an advisory lock so two instances starting together against one PostgreSQL don't race.
 * Append only: a change is a new file, never an edit of a shipped one.
 */
import type { Db } from '../db/db.ts';
import type { Migration } from './migration.ts';
import { migration as m001 } from './001-procedures.ts';
import { migration as m002 } from './002-conversations.ts';
import { migration as m003 } from './003-dossiers.ts';
import { migration as m004 } from './004-handoff-tickets.ts';
import { migration as m005 } from './005-officer-console.ts';
import { migration as m006 } from './006-conversation-handoff-flag.ts';
import { migration as m007 } from './007-officer-login-clients.ts';
import { migration as m008 } from './008-push-channel-delivery.ts';
import { migration as m009 } from './009-answer-insights.ts';
import { migration as m010 } from './010-officer-login-pairs.ts';
import { migration as m011 } from './011-local-overlay.ts';
import { migration as m012 } from './012-learned-phrasings.ts';
import { migration as m013 } from './013-commune-offices.ts';

export type { Migration };

/** Every migration, in order: one file each beside this one (NNN-name.ts). */
export const MIGRATIONS: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013];

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
