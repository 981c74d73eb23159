/**
 * Zalo test helpers: events shaped as Zalo sends them (ids as strings beyond 2^53, timestamp in
 * milliseconds as a string), signed the way Zalo signs them, posted to the app's webhook; and a
 * test app wired to a fake Zalo server on loopback with a fast outbox worker.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import { signatureHeader } from '../../channels/zalo/zalo-signature.ts';
import { startFakeZalo, type FakeZalo } from '../fakes/fake-zalo-server.ts';
import { startTestApp, type TestApp } from './test-app.ts';
import type { LocalServerOptions } from '../../deps/local-server.ts';

export const OA_ID = '2871594837495782712';
export const OA_SECRET = 'oa-secret-key-for-tests';
export const APP_ID = '1234567890123456789';

/** A Zalo user id: 19 digits, beyond Number.MAX_SAFE_INTEGER. */
export const zaloUser = (): string => `8${BigInt(`0x${randomBytes(7).toString('hex')}`).toString().padStart(18, '0').slice(0, 18)}`;

let serial = 0;
const msgId = () => `${Date.now().toString(16)}${(serial++).toString(16)}a8f3e2`;

export interface EventOptions {
  at?: number;
  msgId?: string;
  appId?: string;
}

export const zaloEvents = {
  text(userId: string, text: string, options: EventOptions = {}) {
    return {
      app_id: options.appId ?? APP_ID,
      user_id_by_app: '5520116378402913849',
      event_name: 'user_send_text',
      timestamp: String(options.at ?? Date.now()),
      sender: { id: userId },
      recipient: { id: OA_ID },
      message: { msg_id: options.msgId ?? msgId(), text },
    };
  },
  image(userId: string, options: EventOptions = {}) {
    return {
      app_id: options.appId ?? APP_ID,
      event_name: 'user_send_image',
      timestamp: String(options.at ?? Date.now()),
      sender: { id: userId },
      recipient: { id: OA_ID },
      message: { msg_id: options.msgId ?? msgId(), attachments: [{ type: 'image', payload: { url: 'https://photo.zdn.vn/anh.jpg', thumbnail: 'https://photo.zdn.vn/anh-nho.jpg' } }] },
    };
  },
  follow(userId: string, options: EventOptions & { unfollow?: boolean } = {}) {
    return {
      app_id: options.appId ?? APP_ID,
      oa_id: OA_ID,
      user_id_by_app: '5520116378402913849',
      event_name: options.unfollow ? 'unfollow' : 'follow',
      timestamp: String(options.at ?? Date.now()),
      source: 'oa_profile',
      follower: { id: userId },
    };
  },
};

/** The headers Zalo sends for a raw body: a correct signature unless told otherwise. */
export function signedHeaders(raw: string, options: { secret?: string; appId?: string; timestamp?: string } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? String((JSON.parse(raw) as { timestamp?: unknown }).timestamp);
  return { 'content-type': 'application/json', 'x-zevent-signature': signatureHeader(options.appId ?? APP_ID, Buffer.from(raw), timestamp, options.secret ?? OA_SECRET) };
}

/** Posts an event (object or exact raw JSON) to the webhook; `signature: null` sends none. */
export function postZaloEvent(baseUrl: string, event: object | string, options: { secret?: string; signature?: string | null } = {}): Promise<Response> {
  const raw = typeof event === 'string' ? event : JSON.stringify(event);
  const headers = signedHeaders(raw, options);
  if (options.signature === null) delete headers['x-zevent-signature'];
  else if (options.signature !== undefined) headers['x-zevent-signature'] = options.signature;
  return fetch(`${baseUrl}/webhooks/zalo`, { method: 'POST', headers, body: raw });
}

export function zaloConfig(fake: FakeZalo, extra: Partial<Config> = {}): Partial<Config> {
  return {
    zaloAppId: APP_ID,
    zaloOaId: OA_ID,
    zaloOaSecretKey: OA_SECRET,
    zaloAppSecret: fake.appSecret,
    zaloAccessToken: fake.tokens.access,
    zaloRefreshToken: fake.tokens.refresh,
    zaloApiBase: fake.url,
    zaloOauthBase: fake.url,
    zaloZnsBase: fake.url,
    zaloApiTimeoutMs: 400,
    ...extra,
  };
}

export const FAST_WORKER = { pollMs: 40, baseDelayMs: 30, maxDelayMs: 200, leaseMs: 5_000 };

export interface ZaloTestApp {
  app: TestApp;
  fake: FakeZalo;
  /** Waits until the app has nothing left to do for Zalo (events processed, messages sent). */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A test app with the Zalo channel on, talking to a fresh fake Zalo; the outbox worker runs unless `worker: false`. */
export async function startZaloTestApp(options: LocalServerOptions & { fake?: FakeZalo; worker?: boolean } = {}): Promise<ZaloTestApp> {
  const { fake: given, worker = true, config, ...rest } = options;
  const fake = given ?? (await startFakeZalo({ appId: APP_ID }));
  const app = await startTestApp({ zaloWorker: FAST_WORKER, ...rest, config: { ...zaloConfig(fake), ...config } });
  if (worker) app.deps.zalo!.start();
  return {
    app,
    fake,
    idle: (timeoutMs) => waitUntil(async () => (await app.deps.zalo!.pendingWork()) === 0, 'the Zalo work to finish', timeoutMs),
    async close() {
      await app.close();
      if (!given) await fake.close();
    },
  };
}
