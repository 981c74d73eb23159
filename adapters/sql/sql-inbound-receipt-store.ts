/** InboundReceipts over the Db seam: one row per (channel, event key); unprocessed rows are leased to one worker at a time. */
import type { Db } from './db/db.ts';
import type { InboundReceipt, InboundReceipts } from '../../bot/delivery/inbound-receipts.ts';

interface ReceiptRow {
  channel: string;
  key: string;
  event: unknown;
  attempts: number;
}

const toReceipt = (row: ReceiptRow): InboundReceipt => ({ channel: row.channel, key: row.key, event: row.event, attempts: Number(row.attempts) });

export function createSqlInboundReceipts(db: Db): InboundReceipts {
  return {
    async accept(channel, key, event, leaseUntil) {
      const { affectedRows } = await db.query(
        `INSERT INTO inbound_receipts (channel, key, event, attempts, next_attempt_at) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (channel, key) DO NOTHING`,
        [channel, key, JSON.stringify(event), leaseUntil],
      );
      return affectedRows === 1;
    },
    async due(channel, now, limit, leaseUntil) {
      const { rows } = await db.query<ReceiptRow>(
        `UPDATE inbound_receipts SET next_attempt_at = $4, attempts = attempts + 1
         WHERE (channel, key) IN (
           SELECT channel, key FROM inbound_receipts
           WHERE channel = $1 AND processed_at IS NULL AND next_attempt_at <= $2
           ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING channel, key, event, attempts`,
        [channel, now, limit, leaseUntil],
      );
      return rows.map(toReceipt);
    },
    async processed(channel, key, at) {
      await db.query('UPDATE inbound_receipts SET processed_at = $3 WHERE channel = $1 AND key = $2', [channel, key, at]);
    },
    async failed(channel, key, error, retryAt) {
      await db.query(
        `UPDATE inbound_receipts SET last_error = $3,
           next_attempt_at = COALESCE($4, next_attempt_at),
           processed_at = CASE WHEN $4::timestamptz IS NULL THEN now() ELSE NULL END
         WHERE channel = $1 AND key = $2`,
        [channel, key, error.slice(0, 500), retryAt],
      );
    },
    async unprocessedCount(channel) {
      const { rows } = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM inbound_receipts WHERE channel = $1 AND processed_at IS NULL', [channel]);
      return Number(rows[0]?.n ?? 0);
    },
  };
}
