/**
 * The OA access token in force: read from the database (every instance sees the newest pair),
 * refreshed shortly before it expires or once after Zalo rejects it — always under the
 * database row lock, and only if no one refreshed meanwhile, because a refresh token works once.
 */
import type { ChannelTokenStore, TokenPair } from '../../bot/delivery/channel-tokens.ts';
import type { ZaloOAuthClient } from './zalo-oauth-client.ts';

/** Refresh this long before the stored expiry. */
const EARLY_MS = 5 * 60_000;

export interface ZaloTokens {
  /** The access token to use now (refreshed first if it is about to expire). */
  current(): Promise<string>;
  /** Zalo rejected `rejected`: the newer token someone else stored, or a freshly refreshed one. */
  renew(rejected: string): Promise<string>;
}

export function createZaloTokens(input: { store: ChannelTokenStore; account: string; oauth: ZaloOAuthClient; now?: () => Date }): ZaloTokens {
  const now = input.now ?? (() => new Date());
  const expiring = (pair: TokenPair) => !pair.accessToken || (pair.expiresAt !== null && Date.parse(pair.expiresAt) - EARLY_MS <= now().getTime());
  // One refresh at a time in this process; the row lock covers other instances.
  let inflight: Promise<string> | null = null;

  const refreshIf = (needed: (pair: TokenPair) => boolean): Promise<string> => {
    inflight ??= input.store
      .refreshLocked(input.account, async (pair) => (needed(pair) ? input.oauth.refresh(pair.refreshToken) : null))
      .then((pair) => pair.accessToken)
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };

  return {
    async current() {
      const pair = await input.store.get(input.account);
      if (!pair) throw new Error(`no Zalo credentials stored for ${input.account}`);
      return expiring(pair) ? refreshIf(expiring) : pair.accessToken;
    },
    renew(rejected) {
      return refreshIf((pair) => pair.accessToken === rejected);
    },
  };
}
