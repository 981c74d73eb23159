/**
 * Zalo's webhook signature: header `X-ZEvent-Signature: mac=<hex>` where hex is
 * SHA-256(app_id + raw body + timestamp + OA secret key) — the OA secret key, not the app secret
 * (https://developers.zalo.me/docs/official-account/webhook/tong-quan; restated in
 * https://hainh.me/zalo-api-php-webhook-callback-official-account.html). Checked on the exact
 * bytes received, in constant time; the expected value never leaves this file.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-zevent-signature';

/** The mac Zalo computes for one delivery (also what the tests' fake Zalo signs with). */
export function zaloMac(appId: string, rawBody: Buffer, timestamp: string, oaSecretKey: string): Buffer {
  return createHash('sha256').update(appId, 'utf8').update(rawBody).update(timestamp, 'utf8').update(oaSecretKey, 'utf8').digest();
}

/** The header value for a body: `mac=<hex>`. */
export function signatureHeader(appId: string, rawBody: Buffer, timestamp: string, oaSecretKey: string): string {
  return `mac=${zaloMac(appId, rawBody, timestamp, oaSecretKey).toString('hex')}`;
}

/** The digest a header presents, or null when it is not `mac=<64 hex digits>` (a bare hex is accepted too). */
function presented(header: string | undefined): Buffer | null {
  const hex = /^\s*(?:mac=)?([0-9a-f]{64})\s*$/i.exec(header ?? '')?.[1];
  return hex ? Buffer.from(hex, 'hex') : null;
}

export function signatureMatches(header: string | undefined, appId: string, rawBody: Buffer, timestamp: string, oaSecretKey: string): boolean {
  const given = presented(header);
  if (!given) return false;
  const expected = zaloMac(appId, rawBody, timestamp, oaSecretKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
