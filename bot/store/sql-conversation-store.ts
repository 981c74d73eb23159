/** ConversationStore over the Db seam (same SQL on PGlite and PostgreSQL). */
import type { Db, Transaction } from '../../knowledge/db/db.ts';
import {
  VersionConflictError,
  type Conversation,
  type ConversationStore,
  type NewMessage,
  type StoredMessage,
} from './conversation-store.ts';

interface ConversationRow {
  id: string;
  channel: string;
  state: Record<string, unknown>;
  version: number;
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

async function insertMessages(tx: Transaction, conversationId: string, messages: NewMessage[]): Promise<StoredMessage[]> {
  const stored: StoredMessage[] = [];
  for (const message of messages) {
    const { rows } = await tx.query<MessageRow>(
      `INSERT INTO messages (conversation_id, author, text, payload, intent, procedure_code)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        conversationId,
        message.author,
        message.text,
        message.payload === undefined ? null : JSON.stringify(message.payload),
        message.intent ?? null,
        message.procedureCode ?? null,
      ],
    );
    stored.push(toMessage(rows[0] as MessageRow));
  }
  return stored;
}

export function createSqlConversationStore(db: Db): ConversationStore {
  return {
    async get(id) {
      const { rows } = await db.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
      return rows[0] ? toConversation(rows[0]) : null;
    },
    async ensure(id, channel) {
      await db.query(
        'INSERT INTO conversations (id, channel) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [id, channel],
      );
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
      if (messages.length === 0) return [];
      return db.transaction((tx) => insertMessages(tx, conversationId, messages));
    },
    async saveTurn(id, expectedVersion, state, messages) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ version: number }>(
          `UPDATE conversations SET state = $2, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $3 RETURNING version`,
          [id, JSON.stringify(state), expectedVersion],
        );
        if (!rows[0]) throw new VersionConflictError(id);
        return { version: Number(rows[0].version), messages: await insertMessages(tx, id, messages) };
      });
    },
    async messages(conversationId, options = {}) {
      const { rows } = await db.query<MessageRow>(
        `SELECT * FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [conversationId, options.afterId ?? 0, options.limit ?? 500],
      );
      return rows.map(toMessage);
    },
  };
}
