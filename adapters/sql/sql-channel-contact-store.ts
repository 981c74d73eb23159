/** ChannelContacts over the Db seam: one row per (channel, account, user), keyed to its conversation. */
import type { Db } from './db/db.ts';
import type { ChannelContact, ChannelContacts, ReplyWindow } from '../../bot/delivery/channel-contacts.ts';
import type { QuickReply } from '../../bot/replies.ts';

interface ContactRow {
  channel: string;
  account_id: string;
  user_id: string;
  conversation_id: string;
  followed: boolean | null;
  last_inbound_at: Date | string | null;
  replies_used: number;
  offered: QuickReply[] | null;
  delivered_through: number | string;
}

const toContact = (row: ContactRow): ChannelContact => ({
  channel: row.channel,
  accountId: row.account_id,
  userId: row.user_id,
  conversationId: row.conversation_id,
  followed: row.followed,
  lastInboundAt: row.last_inbound_at === null ? null : new Date(row.last_inbound_at).toISOString(),
  repliesUsed: Number(row.replies_used),
  offered: Array.isArray(row.offered) ? row.offered : [],
  deliveredThrough: Number(row.delivered_through),
});

const HOUR_MS = 3_600_000;

export function createSqlChannelContacts(db: Db): ChannelContacts {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await db.query<ContactRow>(sql, params);
    return rows[0] ? toContact(rows[0]) : null;
  };
  return {
    async link(contact) {
      const created = await one(
        `INSERT INTO channel_contacts (channel, account_id, user_id, conversation_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel, account_id, user_id) DO NOTHING RETURNING *`,
        [contact.channel, contact.accountId, contact.userId, contact.conversationId],
      );
      return created ?? ((await this.find(contact.channel, contact.accountId, contact.userId)) as ChannelContact);
    },
    find(channel, accountId, userId) {
      return one('SELECT * FROM channel_contacts WHERE channel = $1 AND account_id = $2 AND user_id = $3', [channel, accountId, userId]);
    },
    byConversation(conversationId) {
      return one('SELECT * FROM channel_contacts WHERE conversation_id = $1', [conversationId]);
    },
    async touchInbound(conversationId, at) {
      // A late-arriving older event never moves the window back.
      await db.query(
        `UPDATE channel_contacts SET last_inbound_at = $2, replies_used = 0
         WHERE conversation_id = $1 AND (last_inbound_at IS NULL OR last_inbound_at <= $2)`,
        [conversationId, at],
      );
    },
    async setFollowed(conversationId, followed) {
      await db.query('UPDATE channel_contacts SET followed = $2 WHERE conversation_id = $1', [conversationId, followed]);
    },
    async useReply(conversationId, rule, now) {
      const { affectedRows } = await db.query(
        `UPDATE channel_contacts SET replies_used = replies_used + 1
         WHERE conversation_id = $1 AND last_inbound_at > $2 AND replies_used < $3`,
        [conversationId, new Date(now.getTime() - rule.hours * HOUR_MS), rule.maxReplies],
      );
      return affectedRows === 1;
    },
    async refundReply(conversationId) {
      await db.query('UPDATE channel_contacts SET replies_used = GREATEST(replies_used - 1, 0) WHERE conversation_id = $1', [conversationId]);
    },
    async window(conversationId, rule, now): Promise<ReplyWindow | null> {
      const contact = await this.byConversation(conversationId);
      if (!contact) return null;
      if (!contact.lastInboundAt) return { open: false, remaining: 0, closesAt: null };
      const closesAt = new Date(Date.parse(contact.lastInboundAt) + rule.hours * HOUR_MS);
      const remaining = Math.max(0, rule.maxReplies - contact.repliesUsed);
      return { open: closesAt > now && remaining > 0, remaining: closesAt > now ? remaining : 0, closesAt: closesAt.toISOString() };
    },
    async setOffered(conversationId, choices) {
      await db.query('UPDATE channel_contacts SET offered = $2 WHERE conversation_id = $1', [conversationId, JSON.stringify(choices)]);
    },
    async advance(conversationId, messageId) {
      await db.query('UPDATE channel_contacts SET delivered_through = GREATEST(delivered_through, $2) WHERE conversation_id = $1', [conversationId, messageId]);
    },
    async behind(channel, limit) {
      const { rows } = await db.query<{ conversation_id: string }>(
        `SELECT c.conversation_id FROM channel_contacts c
         WHERE c.channel = $1 AND EXISTS (
           SELECT 1 FROM messages m WHERE m.conversation_id = c.conversation_id AND m.id > c.delivered_through AND m.author <> 'citizen')
         LIMIT $2`,
        [channel, limit],
      );
      return rows.map((row) => row.conversation_id);
    },
  };
}
