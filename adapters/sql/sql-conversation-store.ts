/** ConversationStore over the Db seam (same SQL on PGlite and PostgreSQL). */
import type { Db, Transaction } from './db/db.ts';
import {
  VersionConflictError,
  type Conversation,
  type ConversationStore,
  type NewMessage,
  type StoredMessage,
} from '../../bot/conversation/conversation-store.ts';

interface ConversationRow {
  id: string;
  channel: string;
  state: Record<string, unknown>;
  version: number;
  handoff_open?: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

interface MessageRow {
  id: number | string;
  conversation_id: string;
  author: StoredMessage['author'];
  text: string;
  payload: unknown;
  intent: string | null;
  procedure_code: string | null;
  created_at: Date | string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  channel: row.channel,
  state: row.state ?? {},
  version: Number(row.version),
  handoffOpen: Boolean(row.handoff_open),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const toMessage = (row: MessageRow): StoredMessage => ({
  id: Number(row.id),
  conversationId: row.conversation_id,
  author: row.author,
  text: row.text,
  payload: row.payload ?? null,
  intent: row.intent,
  procedureCode: row.procedure_code,
  createdAt: iso(row.created_at),
});

/**
 * A message's column values after its conversation id, in the order every insert here names them:
 * author, text, payload, intent, procedure_code, reply_to, outcome, confidence.
 */
function messageValues(message: NewMessage): unknown[] {
  return [
    message.author,
    message.text,
    message.payload === undefined ? null : JSON.stringify(message.payload),
    message.intent ?? null,
    message.procedureCode ?? null,
    message.answer?.replyTo ?? null,
    message.answer?.outcome ?? null,
    message.answer?.confidence ?? null,
  ];
}

/** A received message's row, with its conversation as one JSON column (receive). */
type ReceivedRow = MessageRow & { conversation: ConversationRow };

/** One multi-row INSERT for all messages (a single statement is atomic on its own). */
async function insertMessages(
  executor: Pick<Transaction, 'query'>,
  conversationId: string,
  messages: NewMessage[],
): Promise<StoredMessage[]> {
  if (messages.length === 0) return [];
  const values: unknown[] = [];
  const tuples = messages.map((message) => {
    const base = values.length;
    values.push(conversationId, ...messageValues(message));
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}::bigint, $${base + 8}::text, $${base + 9}::real)`;
  });
  const { rows } = await executor.query<MessageRow>(
    `INSERT INTO messages (conversation_id, author, text, payload, intent, procedure_code, reply_to, outcome, confidence)
     VALUES ${tuples.join(', ')} RETURNING *`,
    values,
  );
  return rows.map(toMessage).sort((a, b) => a.id - b.id);
}

export function createSqlConversationStore(db: Db): ConversationStore {
  return {
    async get(id) {
      const { rows } = await db.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
      return rows[0] ? toConversation(rows[0]) : null;
    },
    async ensure(id, channel) {
      const inserted = await db.query<ConversationRow>(
        'INSERT INTO conversations (id, channel) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING *',
        [id, channel],
      );
      if (inserted.rows[0]) return toConversation(inserted.rows[0]);
      const { rows } = await db.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
      return toConversation(rows[0] as ConversationRow);
    },
    async saveState(id, state, expectedVersion) {
      const { rows } = await db.query<{ version: number }>(
        `UPDATE conversations SET state = $2, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $3 RETURNING version`,
        [id, JSON.stringify(state), expectedVersion],
      );
      if (!rows[0]) throw new VersionConflictError(id);
      return Number(rows[0].version);
    },
    async append(conversationId, messages) {
      return insertMessages(db, conversationId, messages);
    },
    async receive(id, newId, channel, message) {
      // The conversation as one JSON column beside the inserted message's row.
      const insert = (from: string) =>
        `msg AS (
           INSERT INTO messages (conversation_id, author, text, payload, intent, procedure_code, reply_to, outcome, confidence)
           SELECT ${from}.id, $2::text, $3::text, $4::jsonb, $5::text, $6::text, $7::bigint, $8::text, $9::real FROM ${from}
           RETURNING *
         )
         SELECT row_to_json(${from}) AS conversation, msg.* FROM ${from}, msg`;
      const received = (row: ReceivedRow) => ({ conversation: toConversation(row.conversation), message: toMessage(row) });
      if (id !== null) {
        const { rows } = await db.query<ReceivedRow>(
          `WITH conv AS (SELECT * FROM conversations WHERE id = $1), ${insert('conv')}`,
          [id, ...messageValues(message)],
        );
        if (rows[0]) return received(rows[0]);
      }
      const { rows } = await db.query<ReceivedRow>(
        `WITH created AS (INSERT INTO conversations (id, channel) VALUES ($1, $10) RETURNING *), ${insert('created')}`,
        [newId, ...messageValues(message), channel],
      );
      return received(rows[0]!);
    },
    async saveTurn(id, expectedVersion, state, messages) {
      // One statement: the version-checked state update and the messages together, so the
      // messages land only if the update did (no transaction round trips needed).
      const values: unknown[] = [id, JSON.stringify(state), expectedVersion];
      const tuples = messages.map((message) => {
        const base = values.length;
        values.push(...messageValues(message));
        return `($${base + 1}::text, $${base + 2}::text, $${base + 3}::jsonb, $${base + 4}::text, $${base + 5}::text, $${base + 6}::bigint, $${base + 7}::text, $${base + 8}::real, ${base})`;
      });
      const insert = tuples.length
        ? `, inserted AS (
             INSERT INTO messages (conversation_id, author, text, payload, intent, procedure_code, reply_to, outcome, confidence)
             SELECT $1, v.author, v.text, v.payload, v.intent, v.procedure_code, v.reply_to, v.outcome, v.confidence
             FROM bumped, (VALUES ${tuples.join(', ')}) AS v(author, text, payload, intent, procedure_code, reply_to, outcome, confidence, position)
             ORDER BY v.position
             RETURNING *
           )
           SELECT bumped.version AS new_version, inserted.* FROM bumped LEFT JOIN inserted ON true`
        : ' SELECT bumped.version AS new_version FROM bumped';
      const { rows } = await db.query<MessageRow & { new_version: number }>(
        `WITH bumped AS (
           UPDATE conversations SET state = $2, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $3 RETURNING version
         )${insert}`,
        values,
      );
      if (!rows[0]) throw new VersionConflictError(id);
      const stored = rows.filter((row) => row.id !== null && row.id !== undefined).map(toMessage).sort((a, b) => a.id - b.id);
      return { version: Number(rows[0].new_version), messages: stored };
    },
    async messages(conversationId, options = {}) {
      const { rows } = await db.query<MessageRow>(
        `SELECT * FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [conversationId, options.afterId ?? 0, options.limit ?? 500],
      );
      return rows.map(toMessage);
    },
    async lastMessageId(conversationId) {
      const { rows } = await db.query<{ id: number | string | null }>('SELECT max(id) AS id FROM messages WHERE conversation_id = $1', [conversationId]);
      return Number(rows[0]?.id ?? 0);
    },
    async purgeInactive(before, batch = 500) {
      let total = 0;
      for (;;) {
        // One statement per batch: the rows without a foreign key to conversations go with them.
        const { rows } = await db.query<{ n: number }>(
          `WITH doomed AS (
             SELECT c.id FROM conversations c
             WHERE c.updated_at < $1
               AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.created_at >= $1)
               AND NOT EXISTS (SELECT 1 FROM handoff_tickets t WHERE t.conversation_id = c.id AND t.state <> 'closed')
             ORDER BY c.updated_at LIMIT $2
           ), contacts AS (
             DELETE FROM channel_contacts WHERE conversation_id IN (SELECT id FROM doomed)
           ), queued AS (
             DELETE FROM outbox WHERE conversation_id IN (SELECT id FROM doomed)
           ), gone AS (
             DELETE FROM conversations WHERE id IN (SELECT id FROM doomed) RETURNING 1
           )
           SELECT count(*)::int AS n FROM gone`,
          [before.toISOString(), batch],
        );
        const n = Number(rows[0]?.n ?? 0);
        total += n;
        if (n < batch) return total;
      }
    },
  };
}
