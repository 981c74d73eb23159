/**
 * Push channels (the Zalo OA): the citizens they know, the webhook events they accepted, their
 * API credentials, and the outbox every outbound message passes through before it is sent.
 */
import type { Migration } from './migration.ts';

export const migration: Migration = {
  id: 8,
  name: 'push_channel_delivery',
  sql: `
      CREATE TABLE channel_contacts (
        channel            TEXT NOT NULL,
        account_id         TEXT NOT NULL,
        user_id            TEXT NOT NULL,
        conversation_id    TEXT NOT NULL UNIQUE,
        followed           BOOLEAN,
        last_inbound_at    TIMESTAMPTZ,
        replies_used       INTEGER NOT NULL DEFAULT 0,
        offered            JSONB NOT NULL DEFAULT '[]'::jsonb,
        delivered_through  BIGINT NOT NULL DEFAULT 0,
        created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, account_id, user_id)
      );
      CREATE TABLE inbound_receipts (
        channel          TEXT NOT NULL,
        key              TEXT NOT NULL,
        event            JSONB NOT NULL,
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TIMESTAMPTZ NOT NULL,
        processed_at     TIMESTAMPTZ,
        last_error       TEXT,
        received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, key)
      );
      CREATE INDEX inbound_receipts_due ON inbound_receipts (channel, next_attempt_at) WHERE processed_at IS NULL;
      -- One row per channel account; refreshed under SELECT … FOR UPDATE (refresh tokens are single-use).
      CREATE TABLE channel_tokens (
        account        TEXT PRIMARY KEY,
        access_token   TEXT NOT NULL,
        refresh_token  TEXT NOT NULL,
        expires_at     TIMESTAMPTZ,
        seed_hash      TEXT NOT NULL,
        updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE outbox (
        id               BIGSERIAL PRIMARY KEY,
        channel          TEXT NOT NULL,
        conversation_id  TEXT NOT NULL,
        recipient        TEXT NOT NULL,
        message_id       BIGINT NOT NULL,
        part             INTEGER NOT NULL,
        body             JSONB NOT NULL,
        fallback         JSONB,
        status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TIMESTAMPTZ NOT NULL,
        locked_until     TIMESTAMPTZ,
        last_error       TEXT,
        failure          TEXT,
        sent_as          TEXT,
        created_at       TIMESTAMPTZ NOT NULL,
        sent_at          TIMESTAMPTZ,
        UNIQUE (channel, message_id, part)
      );
      CREATE INDEX outbox_pending ON outbox (channel, conversation_id, message_id, part) WHERE status = 'pending';
      CREATE INDEX outbox_by_conversation ON outbox (conversation_id, id);`,
};
