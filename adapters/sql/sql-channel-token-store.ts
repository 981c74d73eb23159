/** ChannelTokenStore over the Db seam: a refresh runs inside a transaction holding SELECT … FOR UPDATE on the account's row. */
import type { Db } from './db/db.ts';
import type { ChannelTokenStore, TokenPair } from '../../bot/delivery/channel-tokens.ts';

interface TokenRow {
  access_token: string;
  refresh_token: string;
  expires_at: Date | string | null;
  updated_at: Date | string;
}

const toPair = (row: TokenRow): TokenPair => ({
  accessToken: row.access_token,
  refreshToken: row.refresh_token,
  expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export function createSqlChannelTokens(db: Db): ChannelTokenStore {
  return {
    async get(account) {
      const { rows } = await db.query<TokenRow>('SELECT * FROM channel_tokens WHERE account = $1', [account]);
      return rows[0] ? toPair(rows[0]) : null;
    },
    async seed(account, pair, seedHash) {
      const { rows } = await db.query<TokenRow>(
        `INSERT INTO channel_tokens (account, access_token, refresh_token, expires_at, seed_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (account) DO UPDATE SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
           expires_at = EXCLUDED.expires_at, seed_hash = EXCLUDED.seed_hash, updated_at = now()
           WHERE channel_tokens.seed_hash <> EXCLUDED.seed_hash
         RETURNING *`,
        [account, pair.accessToken, pair.refreshToken, pair.expiresAt, seedHash],
      );
      return rows[0] ? toPair(rows[0]) : ((await this.get(account)) as TokenPair);
    },
    async refreshLocked(account, refresh) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<TokenRow>('SELECT * FROM channel_tokens WHERE account = $1 FOR UPDATE', [account]);
        if (!rows[0]) throw new Error(`no stored credentials for ${account}`);
        const current = toPair(rows[0]);
        const next = await refresh(current);
        if (!next) return current;
        const updated = await tx.query<TokenRow>(
          `UPDATE channel_tokens SET access_token = $2, refresh_token = $3, expires_at = $4, updated_at = now() WHERE account = $1 RETURNING *`,
          [account, next.accessToken, next.refreshToken, next.expiresAt],
        );
        return toPair(updated.rows[0] as TokenRow);
      });
    },
  };
}
