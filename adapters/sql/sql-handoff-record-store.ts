/** HandoffRecords (follow-ups, callback numbers, ratings) over the Db seam. */
import type { Db } from './db/db.ts';
import { toTicket, type TicketRow } from './sql-ticket-store.ts';
import type { FollowUp, HandoffRecords } from '../../bot/handoff/handoff-record-store.ts';

type Row = TicketRow & { follow_up: FollowUp | null; rating?: number | null };

export function createSqlHandoffRecords(db: Db): HandoffRecords {
  return {
    async openTickets() {
      const { rows } = await db.query<TicketRow>(`SELECT * FROM handoff_tickets WHERE state <> 'closed' ORDER BY waiting_since, id`);
      return rows.map(toTicket);
    },
    async followUps() {
      const { rows } = await db.query<TicketRow>(`SELECT * FROM handoff_tickets WHERE follow_up = 'pending' ORDER BY waiting_since, id`);
      return rows.map(toTicket);
    },
    async followUpOf(ticketId) {
      const { rows } = await db.query<{ follow_up: FollowUp | null }>('SELECT follow_up FROM handoff_tickets WHERE id = $1', [ticketId]);
      return rows[0]?.follow_up ?? null;
    },
    async setFollowUp(ticketId, value) {
      await db.query('UPDATE handoff_tickets SET follow_up = $2 WHERE id = $1', [ticketId, value]);
    },
    async setCallbackPhone(ticketId, phone) {
      await db.query('UPDATE handoff_tickets SET callback_phone = $2 WHERE id = $1', [ticketId, phone]);
    },
    async latestClosed(conversationId) {
      const { rows } = await db.query<Row>(
        `SELECT t.*, r.rating FROM handoff_tickets t LEFT JOIN handoff_ratings r ON r.ticket_id = t.id
         WHERE t.conversation_id = $1 AND t.state = 'closed' ORDER BY t.closed_at DESC, t.id LIMIT 1`,
        [conversationId],
      );
      const row = rows[0];
      return row ? { ticket: toTicket(row), followUp: row.follow_up, rating: row.rating ?? null } : null;
    },
    async rate(ticket, rating) {
      const { affectedRows } = await db.query(
        `INSERT INTO handoff_ratings (ticket_id, conversation_id, officer_id, rating) VALUES ($1, $2, $3, $4)
         ON CONFLICT (ticket_id) DO NOTHING`,
        [ticket.id, ticket.conversationId, ticket.officerId, rating],
      );
      return affectedRows > 0;
    },
    async ratingsByOfficer() {
      const { rows } = await db.query<{ officer_id: string; average: string | number; count: string | number }>(
        `SELECT officer_id, avg(rating) AS average, count(*) AS count FROM handoff_ratings WHERE officer_id IS NOT NULL GROUP BY officer_id`,
      );
      return rows.map((r) => ({ officerId: r.officer_id, average: Number(r.average), count: Number(r.count) }));
    },
  };
}
