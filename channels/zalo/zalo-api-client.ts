/**
 * A small typed client of the Zalo OA API (there is no official SDK on npm): customer-service
 * messages `POST {apiBase}/v3.0/oa/message/cs` with the `access_token` header and body
 * `{"recipient":{"user_id"},"message":{…}}`
 * (https://developers.zalo.me/docs/official-account/tin-nhan/tin-tu-van/gui-tin-tu-van), and
 * template notices (ZNS) `POST {znsBase}/message/template` with `template_id`, `template_data`,
 * `tracking_id` and the recipient's `user_id` (https://developers.zalo.me/docs/zalo-notification-service;
 * the user-id form as described in github.com/hoangnd25/monorepo wip/zalo-platform-integration.md).
 * Zalo answers HTTP 200 with an `error` field: 0 is success, a negative code a failure. Every
 * outcome is sorted here into what the sender does next.
 */
import { parseJsonKeepingBigIds } from './zalo-json.ts';
import type { ZaloCsMessage } from './zalo-render.ts';

/** What to do about a failed call. */
export type ZaloFailureKind =
  /** -216 / -220 / -124: the access token is invalid or expired: refresh once, send once more. */
  | 'token'
  /** -230 / -232: outside the messaging window: only a template may reach the citizen. */
  | 'window'
  /** The citizen cannot receive from the OA (not following / blocked / restricted / inactive). */
  | 'blocked'
  /** -32 or HTTP 429: slow down and retry. */
  | 'rate_limited'
  /** Network error, timeout, HTTP 5xx, unreadable answer: retry later. */
  | 'unavailable'
  /** Any other error: the request itself is wrong; retrying will not help. */
  | 'rejected';

export type ZaloCallResult = { ok: true; messageId: string | null } | { ok: false; kind: ZaloFailureKind; code: number | null; detail: string };

/** Error codes as listed in the OA API's error table (restated in github.com/hoangnd25/monorepo wip/zalo-platform-integration.md). */
const TOKEN_ERRORS = new Set([-216, -220, -124]);
const WINDOW_ERRORS = new Set([-230, -232]);
const BLOCKED_ERRORS = new Set([-213, -217, -227, -244]);
const RATE_ERRORS = new Set([-32]);

export function classifyZaloError(code: number): ZaloFailureKind {
  if (TOKEN_ERRORS.has(code)) return 'token';
  if (WINDOW_ERRORS.has(code)) return 'window';
  if (BLOCKED_ERRORS.has(code)) return 'blocked';
  if (RATE_ERRORS.has(code)) return 'rate_limited';
  return 'rejected';
}

export interface ZaloTemplateMessage {
  template_id: string;
  template_data: Record<string, string>;
}

export interface ZaloApiClient {
  sendCs(accessToken: string, userId: string, message: ZaloCsMessage): Promise<ZaloCallResult>;
  sendTemplate(accessToken: string, userId: string, template: ZaloTemplateMessage, trackingId: string): Promise<ZaloCallResult>;
}

export interface ZaloApiOptions {
  apiBase: string;
  znsBase: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const trimSlash = (base: string) => base.replace(/\/+$/, '');

async function post(options: ZaloApiOptions, url: string, accessToken: string, body: unknown): Promise<ZaloCallResult> {
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: accessToken },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as { name?: string }).name === 'TimeoutError';
    return { ok: false, kind: 'unavailable', code: null, detail: timedOut ? `no answer within ${options.timeoutMs} ms` : `network error: ${(error as Error).message}` };
  }
  if (response.status === 429) return { ok: false, kind: 'rate_limited', code: null, detail: 'HTTP 429' };
  if (response.status >= 500) return { ok: false, kind: 'unavailable', code: null, detail: `HTTP ${response.status}` };
  let answer: { error?: unknown; message?: unknown; data?: { message_id?: unknown; msg_id?: unknown } };
  try {
    answer = parseJsonKeepingBigIds(text) as typeof answer;
  } catch {
    return { ok: false, kind: response.ok ? 'unavailable' : 'rejected', code: null, detail: `HTTP ${response.status}, not JSON` };
  }
  const code = Number(answer?.error ?? (response.ok ? 0 : Number.NaN));
  if (code === 0 && response.ok) {
    const id = answer.data?.message_id ?? answer.data?.msg_id;
    return { ok: true, messageId: id === undefined ? null : String(id) };
  }
  if (!Number.isFinite(code)) return { ok: false, kind: 'rejected', code: null, detail: `HTTP ${response.status}` };
  const message = typeof answer.message === 'string' ? answer.message.slice(0, 200) : '';
  return { ok: false, kind: classifyZaloError(code), code, detail: `Zalo error ${code}${message ? `: ${message}` : ''}` };
}

export function createZaloApiClient(options: ZaloApiOptions): ZaloApiClient {
  return {
    sendCs(accessToken, userId, message) {
      return post(options, `${trimSlash(options.apiBase)}/v3.0/oa/message/cs`, accessToken, { recipient: { user_id: userId }, message });
    },
    sendTemplate(accessToken, userId, template, trackingId) {
      return post(options, `${trimSlash(options.znsBase)}/message/template`, accessToken, { user_id: userId, ...template, tracking_id: trackingId });
    },
  };
}
