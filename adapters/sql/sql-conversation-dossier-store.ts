/** ConversationDossiers over the Db seam: the lookup audit log joined with the stored dossiers. */
import type { ConversationDossiers } from '../../bot/dossiers/conversation-dossiers.ts';
import type { Db } from './db/db.ts';

export function createSqlConversationDossiers(db: Db): ConversationDossiers {
  return {
    async recent(conversationId, limit = 5) {
      const { rows } = await db.query<{ code: string; procedure_name: string | null; status: string | null; due_at: Date | string | null }>(
        `SELECT l.code, d.procedure_name, d.status, d.due_at
           FROM (SELECT code, max(at) AS at FROM dossier_lookups WHERE conversation_id = $1 AND code IS NOT NULL GROUP BY code) l
           LEFT JOIN dossiers d ON d.code = l.code ORDER BY l.at DESC LIMIT $2`,
        [conversationId, limit],
      );
      return rows.map((r) => ({ code: r.code, procedureName: r.procedure_name, status: r.status, dueAt: r.due_at ? new Date(r.due_at).toISOString() : null }));
    },
  };
}
