/**
 * Refreshing the OA access token: `POST {oauthBase}/v4/oa/access_token`, form body `app_id`,
 * `grant_type=refresh_token`, `refresh_token`, header `secret_key` = the app secret; the answer
 * is a new access token (valid ~25 h, `expires_in` seconds) and a new refresh token — the old
 * one is spent (https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new;
 * step by step in https://www.hexasync.vn/zalo-oa-api-huong-dan-cach-lay-access-token-tu-refresh-token/).
 */
import type { NewTokenPair } from '../../bot/delivery/channel-tokens.ts';

export class ZaloOAuthError extends Error {
  constructor(
    /** `unavailable`: try again later; `rejected`: the refresh token or app secret is wrong — an operator must re-authorise. */
    readonly kind: 'unavailable' | 'rejected',
    detail: string,
  ) {
    super(detail);
    this.name = 'ZaloOAuthError';
  }
}

export interface ZaloOAuthClient {
  refresh(refreshToken: string): Promise<NewTokenPair>;
}

export interface ZaloOAuthOptions {
  oauthBase: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
  now?: () => Date;
}

export function createZaloOAuthClient(options: ZaloOAuthOptions): ZaloOAuthClient {
  const now = options.now ?? (() => new Date());
  return {
    async refresh(refreshToken) {
      let response: Response;
      let answer: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; error?: unknown; error_name?: unknown };
      try {
        response = await fetch(`${options.oauthBase.replace(/\/+$/, '')}/v4/oa/access_token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: options.appSecret },
          body: new URLSearchParams({ app_id: options.appId, grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (response.status >= 500 || response.status === 429) throw new ZaloOAuthError('unavailable', `token refresh: HTTP ${response.status}`);
        answer = (await response.json()) as typeof answer;
      } catch (error) {
        if (error instanceof ZaloOAuthError) throw error;
        throw new ZaloOAuthError('unavailable', `token refresh failed: ${(error as Error).name}`);
      }
      if (typeof answer.access_token !== 'string' || typeof answer.refresh_token !== 'string' || !answer.access_token || !answer.refresh_token) {
        // Never echo the answer: it could hold a token.
        throw new ZaloOAuthError('rejected', `token refresh refused (HTTP ${response.status}, error ${Number(answer.error) || 'unknown'})`);
      }
      const seconds = Number(answer.expires_in);
      return {
        accessToken: answer.access_token,
        refreshToken: answer.refresh_token,
        expiresAt: Number.isFinite(seconds) && seconds > 0 ? new Date(now().getTime() + seconds * 1000) : null,
      };
    },
  };
}
