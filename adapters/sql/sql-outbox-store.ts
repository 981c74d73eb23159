/** OutboxStore over the Db seam: parts claimed head-first per conversation with FOR UPDATE SKIP LOCKED and a lease. */
import type { Db } from './db/db.ts';
import type { OutboxFailure, OutboxItem, OutboxStatus, OutboxStore } from '../../bot/delivery/outbox-store.ts';

interface OutboxRow {
  id: number | string;
  channel: string;
  conversation_id: string;
  recipient: string;
  message_id: number | string;
  part: number;
  body: unknown;
  fallback: unknown;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
  failure: OutboxFailure | null;
  sent_as: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const toItem = (row: OutboxRow): OutboxItem => ({
  id: Number(row.id),
  channel: row.channel,
  conversationId: row.conversation_id,
  recipient: row.recipient,
  messageId: Number(row.message_id),
  part: Number(row.part),
  body: row.body,
  fallback: row.fallback ?? null,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: iso(row.next_attempt_at),
  lastError: row.last_error,
  failure: row.failure,
  sentAs: row.sent_as,
  createdAt: iso(row.created_at),
  sentAt: row.sent_at === null ? null : iso(row.sent_at),
});

export function createSqlOutboxStore(db: Db): OutboxStore {
  return {
    async enqueue(items, now) {
      let added = 0;
      // One statement per item, in the given order: ids follow the conversation's order.
      for (const item of items) {
        const { affectedRows } = await db.query(
          `INSERT INTO outbox (channel, conversation_id, recipient, message_id, part, body, fallback, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
           ON CONFLICT (channel, message_id, part) DO NOTHING`,
          [item.channel, item.conversationId, item.recipient, item.messageId, item.part, JSON.stringify(item.body), item.fallback === undefined ? null : JSON.stringify(item.fallback), now],
        );
        added += affectedRows;
      }
      return added;
    },

    async claim(channel, now, limit, leaseUntil) {
      // Only a conversation's first pending part is eligible, so parts go out in order and one at
      // a time; a leased part (being sent elsewhere) keeps the ones after it waiting too.
      const { rows } = await db.query<OutboxRow>(
        `UPDATE outbox SET locked_until = $4, attempts = attempts + 1
         WHERE id IN (
           SELECT o.id FROM outbox o
           WHERE o.channel = $1 AND o.status = 'pending' AND o.next_attempt_at <= $2
             AND (o.locked_until IS NULL OR o.locked_until <= $2)
             AND NOT EXISTS (
               SELECT 1 FROM outbox p
               WHERE p.channel = o.channel AND p.conversation_id = o.conversation_id AND p.status = 'pending'
                 AND (p.message_id, p.part) < (o.message_id, o.part))
           ORDER BY o.next_attempt_at, o.id
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [channel, now, limit, leaseUntil],
      );
      return rows.map(toItem).sort((a, b) => a.id - b.id);
    },

    async markSent(id, sentAs, at) {
      await db.query(`UPDATE outbox SET status = 'sent', sent_as = $2, sent_at = $3, locked_until = NULL, last_error = NULL WHERE id = $1`, [id, sentAs, at]);
    },

    async retryAt(id, at, error) {
      await db.query(`UPDATE outbox SET next_attempt_at = $2, last_error = $3, locked_until = NULL WHERE id = $1 AND status = 'pending'`, [id, at, error.slice(0, 500)]);
    },

    async markFailed(id, failure, error, at) {
      await db.query(`UPDATE outbox SET status = 'failed', failure = $2, last_error = $3, sent_at = $4, locked_until = NULL WHERE id = $1`, [id, failure, error.slice(0, 500), at]);
    },

    async forConversation(conversationId, options = {}) {
      const { rows } = await db.query<OutboxRow>(
        `SELECT * FROM outbox WHERE conversation_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY message_id, part`,
        [conversationId, options.status ?? null],
      );
      return rows.map(toItem);
    },

    async pendingCount(channel, conversationId) {
      const { rows } = await db.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM outbox WHERE channel = $1 AND status = 'pending' AND ($2::text IS NULL OR conversation_id = $2)`,
        [channel, conversationId ?? null],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
