/** TicketStore over the Db seam. */
import { randomUUID } from 'node:crypto';
import type { Db } from './db/db.ts';
import { HANDOFF_TRANSITIONS, InvalidTransitionError, type HandoffState } from '../../bot/handoff/handoff-states.ts';
import { TicketConflictError, type Ticket, type TicketStore } from '../../bot/handoff/ticket-store.ts';

export interface TicketRow {
  id: string;
  conversation_id: string;
  channel: string;
  state: Ticket['state'];
  trigger: Ticket['trigger'];
  sector: string | null;
  procedure_code: string | null;
  officer_id: string | null;
  version: number;
  waiting_since: Date | string;
  claimed_at: Date | string | null;
  closed_at: Date | string | null;
  end_reason: Ticket['endReason'];
  summary: string;
  callback_phone: string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export const toTicket = (row: TicketRow): Ticket => ({
  id: row.id,
  conversationId: row.conversation_id,
  channel: row.channel,
  state: row.state,
  trigger: row.trigger,
  sector: row.sector,
  procedureCode: row.procedure_code,
  officerId: row.officer_id,
  version: Number(row.version),
  waitingSince: iso(row.waiting_since) as string,
  claimedAt: iso(row.claimed_at),
  closedAt: iso(row.closed_at),
  endReason: row.end_reason,
  summary: row.summary,
  callbackPhone: row.callback_phone,
});

/** States from which `to` may be reached, read off the transition table. */
function sourcesOf(to: HandoffState): HandoffState[] {
  return (Object.entries(HANDOFF_TRANSITIONS) as Array<[HandoffState, readonly string[]]>)
    .filter(([, targets]) => targets.includes(to))
    .map(([from]) => from);
}

export function createSqlTicketStore(db: Db): TicketStore {
  const openFor = async (conversationId: string): Promise<Ticket | null> => {
    const { rows } = await db.query<TicketRow>(
      `SELECT * FROM handoff_tickets WHERE conversation_id = $1 AND state <> 'closed'`,
      [conversationId],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  };
  const get = async (id: string): Promise<Ticket | null> => {
    const { rows } = await db.query<TicketRow>('SELECT * FROM handoff_tickets WHERE id = $1', [id]);
    return rows[0] ? toTicket(rows[0]) : null;
  };

  return {
    get,
    openFor,
    async open(ticket) {
      const created = await db.transaction(async (tx) => {
        const { rows } = await tx.query<TicketRow>(
          `INSERT INTO handoff_tickets (id, conversation_id, channel, state, trigger, sector, procedure_code, summary)
           VALUES ($1, $2, $3, 'waiting_officer', $4, $5, $6, $7)
           ON CONFLICT (conversation_id) WHERE state <> 'closed' DO NOTHING
           RETURNING *`,
          [
            randomUUID(),
            ticket.conversationId,
            ticket.channel,
            ticket.trigger,
            ticket.sector ?? null,
            ticket.procedureCode ?? null,
            ticket.summary ?? '',
          ],
        );
        if (rows[0]) {
          await tx.query('UPDATE conversations SET version = version + 1, handoff_open = true, updated_at = now() WHERE id = $1', [ticket.conversationId]);
        }
        return rows[0] ? toTicket(rows[0]) : null;
      });
      if (created) return { ticket: created, created: true };
      const existing = await openFor(ticket.conversationId);
      if (!existing) throw new TicketConflictError('-', 'open ticket vanished while opening');
      return { ticket: existing, created: false };
    },
    async queue() {
      const { rows } = await db.query<TicketRow>(
        `SELECT * FROM handoff_tickets WHERE state = 'waiting_officer' ORDER BY waiting_since, id`,
      );
      return rows.map(toTicket);
    },
    async transition(id, expectedVersion, to, patch = {}) {
      const current = await get(id);
      if (!current) throw new TicketConflictError(id, 'no such ticket');
      if (!sourcesOf(to).includes(current.state)) throw new InvalidTransitionError(current.state, to);
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<TicketRow>(
          `UPDATE handoff_tickets SET
             state = $3,
             version = version + 1,
             officer_id = CASE WHEN $3 = 'waiting_officer' THEN NULL WHEN $4::text IS NOT NULL THEN $4 ELSE officer_id END,
             claimed_at = CASE WHEN $3 = 'with_officer' THEN now() ELSE claimed_at END,
             first_claimed_at = CASE WHEN $3 = 'with_officer' THEN COALESCE(first_claimed_at, now()) ELSE first_claimed_at END,
             waiting_since = CASE WHEN $3 = 'waiting_officer' THEN now() ELSE waiting_since END,
             closed_at = CASE WHEN $3 = 'closed' THEN now() ELSE closed_at END,
             end_reason = COALESCE($5, end_reason),
             callback_phone = COALESCE($6, callback_phone)
           WHERE id = $1 AND version = $2 AND state = ANY($7::text[])
           RETURNING *`,
          [id, expectedVersion, to, patch.officerId ?? null, patch.endReason ?? null, patch.callbackPhone ?? null, sourcesOf(to)],
        );
        const row = rows[0];
        if (!row) throw new TicketConflictError(id, 'changed by someone else first');
        await tx.query("UPDATE conversations SET version = version + 1, handoff_open = ($2 <> 'closed'), updated_at = now() WHERE id = $1", [row.conversation_id, row.state]);
        return toTicket(row);
      });
    },
  };
}
