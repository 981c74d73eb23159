/** DossierAuditLog over the Db seam (table dossier_lookups, migration 3); limits are admitted under advisory locks. */
import { lockNames } from './db/advisory-locks.ts';
import type { Db } from './db/db.ts';
import type { Admission, AuditEntry, AuditQuery, DossierAuditLog, StoredAuditEntry } from '../../bot/dossiers/dossier-activity.ts';

interface AuditRow {
  id: number | string;
  at: Date | string;
  action: StoredAuditEntry['action'];
  outcome: StoredAuditEntry['outcome'];
  code: string | null;
  source: string | null;
  conversation_id: string;
  channel: string;
  client_key: string | null;
}

type Runner = Pick<Db, 'query'>;

async function insertEntry(runner: Runner, entry: AuditEntry): Promise<number> {
  const { rows } = await runner.query<{ id: number | string }>(
    `INSERT INTO dossier_lookups (at, action, outcome, code, source, conversation_id, channel, client_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [entry.at.toISOString(), entry.action, entry.outcome, entry.code, entry.source ?? null, entry.conversationId, entry.channel, entry.clientKey ?? null],
  );
  return Number(rows[0]!.id);
}

async function countEntries(runner: Runner, query: AuditQuery): Promise<{ count: number; oldest: string | null }> {
  const where = ['action = $1', 'at >= $2'];
  const params: unknown[] = [query.action, query.since.toISOString()];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.outcomes) add('outcome = ANY(?)', query.outcomes);
  if (query.conversationId !== undefined) add('conversation_id = ?', query.conversationId);
  if (query.clientKey !== undefined) add('client_key = ?', query.clientKey);
  if (query.code !== undefined) add('code = ?', query.code);
  const { rows } = await runner.query<{ n: number | string; oldest: Date | string | null }>(
    `SELECT count(*) AS n, min(at) AS oldest FROM dossier_lookups WHERE ${where.join(' AND ')}`,
    params,
  );
  const row = rows[0];
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest).toISOString() : null };
}

/** One lock per window: any entry a window counts is inserted only while holding its lock. */
const windowLock = (query: AuditQuery) =>
  JSON.stringify(['dossier_lookups', query.action, query.conversationId ?? null, query.clientKey ?? null, query.code ?? null]);

export function createSqlDossierAuditLog(db: Db): DossierAuditLog {
  return {
    async record(entry) {
      await insertEntry(db, entry);
    },
    count: (query) => countEntries(db, query),
    admit(entry, limits) {
      return db.transaction(async (tx): Promise<Admission> => {
        await lockNames(tx, limits.map((limit) => windowLock(limit.query)));
        const counts = [];
        for (const limit of limits) counts.push(await countEntries(tx, limit.query));
        if (counts.some((counted, i) => counted.count >= limits[i]!.max)) return { admitted: false, counts };
        return { admitted: true, id: await insertEntry(tx, entry) };
      });
    },
    async settle(id, outcome, source) {
      await db.query('UPDATE dossier_lookups SET outcome = $2, source = COALESCE($3, source) WHERE id = $1', [id, outcome, source ?? null]);
    },
    async entries(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.conversationId !== undefined) {
        params.push(filter.conversationId);
        where.push(`conversation_id = $${params.length}`);
      }
      if (filter.code !== undefined) {
        params.push(filter.code);
        where.push(`code = $${params.length}`);
      }
      params.push(filter.limit ?? 100);
      const { rows } = await db.query<AuditRow>(
        `SELECT * FROM dossier_lookups ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
        params,
      );
      return rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        action: r.action,
        outcome: r.outcome,
        code: r.code,
        source: r.source,
        conversationId: r.conversation_id,
        channel: r.channel,
        clientKey: r.client_key,
      }));
    },
  };
}
