/**
 * Direct Line tokens: signed (HS256 JWT with a key derived from DIRECTLINE_SECRET), scoped to one
 * conversation, expiring. `conversation` tokens authorise the REST calls of that conversation;
 * `stream` tokens (in the WebSocket URL, which a browser cannot give headers) only open its stream.
 * Signatures and the secret are compared in constant time; neither is ever logged or returned.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type TokenKind = 'conversation' | 'stream';

export interface TokenClaims {
  /** The one conversation the token opens. */
  conversationId: string;
  /** The citizen's id in the conversation (`dl_…` when the portal gave none). */
  userId: string;
  kind: TokenKind;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
  /**
   * Stream tokens: when the conversation token handed out with the stream URL expires (seconds
   * since the epoch); the socket opened with it is closed then (Web Chat reconnects with its
   * refreshed token).
   */
  until?: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  /** malformed or forged → 401; expired → 403 TokenExpired, as Direct Line answers. */
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface DirectLineTokens {
  issue(input: { conversationId: string; userId: string; kind?: TokenKind; ttlSeconds?: number; until?: number }): { token: string; expiresIn: number; expiresAt: number };
  verify(token: string): TokenCheck;
  /** Whether `presented` is the Direct Line secret itself (constant time, whatever the lengths). */
  isSecret(presented: string): boolean;
}

export function createDirectLineTokens(options: { secret: string; ttlSeconds: number; now?: () => Date }): DirectLineTokens {
  const now = options.now ?? (() => new Date());
  // The signing key is derived, so a token never exposes anything computed with the secret itself.
  const key = createHmac('sha256', options.secret).update('tro-ly-thu-tuc directline token v1').digest();
  const secretDigest = createHash('sha256').update(options.secret).digest();
  const sign = (data: string) => createHmac('sha256', key).update(data).digest();
  const seconds = () => Math.floor(now().getTime() / 1000);

  return {
    issue({ conversationId, userId, kind = 'conversation', ttlSeconds = options.ttlSeconds, until }) {
      const issuedAt = seconds();
      const expiresAt = issuedAt + ttlSeconds;
      const body = base64url(JSON.stringify({ conv: conversationId, user: userId, kind, iat: issuedAt, exp: expiresAt, ...(until !== undefined ? { until } : {}) }));
      const data = `${HEADER}.${body}`;
      return { token: `${data}.${sign(data).toString('base64url')}`, expiresIn: ttlSeconds, expiresAt };
    },

    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== HEADER || !parts.every((part) => /^[\w-]+$/.test(part))) return { ok: false, reason: 'malformed' };
      if (!sameBytes(Buffer.from(parts[2]!, 'base64url'), sign(`${parts[0]}.${parts[1]}`))) return { ok: false, reason: 'forged' };
      let claims: { conv?: unknown; user?: unknown; kind?: unknown; exp?: unknown; until?: unknown };
      try {
        claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const { conv, user, kind, exp, until } = claims;
      if (typeof conv !== 'string' || typeof user !== 'string' || (kind !== 'conversation' && kind !== 'stream') || typeof exp !== 'number') return { ok: false, reason: 'malformed' };
      if (until !== undefined && typeof until !== 'number') return { ok: false, reason: 'malformed' };
      if (exp <= seconds()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { conversationId: conv, userId: user, kind, expiresAt: exp, ...(until !== undefined ? { until } : {}) } };
    },

    isSecret(presented) {
      return sameBytes(createHash('sha256').update(presented).digest(), secretDigest);
    },
  };
}
