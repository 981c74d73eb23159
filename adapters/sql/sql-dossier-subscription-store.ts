/** DossierSubscriptions over the Db seam (table dossier_subscriptions, migration 3). */
import type { Db } from './db/db.ts';
import type { DossierSubscriptions } from '../../bot/dossiers/dossier-activity.ts';

export function createSqlDossierSubscriptions(db: Db): DossierSubscriptions {
  return {
    async add(code, subscriber) {
      const { rows } = await db.query(
        `INSERT INTO dossier_subscriptions (code, conversation_id, channel) VALUES ($1, $2, $3)
         ON CONFLICT (code, conversation_id) DO NOTHING RETURNING code`,
        [code, subscriber.conversationId, subscriber.channel],
      );
      return rows.length > 0;
    },
    async remove(code, conversationId) {
      const { rows } = await db.query('DELETE FROM dossier_subscriptions WHERE code = $1 AND conversation_id = $2 RETURNING code', [
        code,
        conversationId,
      ]);
      return rows.length > 0;
    },
    async subscribers(code) {
      const { rows } = await db.query<{ conversation_id: string; channel: string }>(
        'SELECT conversation_id, channel FROM dossier_subscriptions WHERE code = $1 ORDER BY created_at, conversation_id',
        [code],
      );
      return rows.map((r) => ({ conversationId: r.conversation_id, channel: r.channel }));
    },
  };
}
