/**
 * A push channel's API credentials (an access token and its single-use refresh token), stored so
 * every instance uses the current pair, and refreshed under a database row lock so two instances
 * never spend the same refresh token.
 */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires; null when unknown. */
  expiresAt: string | null;
  updatedAt: string;
}

export interface NewTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date | null;
}

export interface ChannelTokenStore {
  get(account: string): Promise<TokenPair | null>;
  /**
   * Stores the configured pair the first time, and again only when the configured pair changed
   * (`seedHash` differs: an operator re-authorised the app); otherwise keeps the stored, newer pair.
   */
  seed(account: string, pair: NewTokenPair, seedHash: string): Promise<TokenPair>;
  /**
   * Holds the account's row lock while `refresh` looks at the current pair and returns a new one
   * (stored before the lock is released) or null to keep it; returns the pair in force afterwards.
   */
  refreshLocked(account: string, refresh: (current: TokenPair) => Promise<NewTokenPair | null>): Promise<TokenPair>;
}
