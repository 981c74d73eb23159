/**
 * Per-client limits at the HTTP edge (issue 13, finding 5): token buckets (bot/limits/) on citizen
 * turns, new conversations and officer logins, and a cap on the event streams one client holds
 * open. The client is the address Express reports (`request.ip`) under the app's trust-proxy
 * setting (`loopback`: behind a reverse proxy on the same machine, its X-Forwarded-For counts).
 * A refusal is 429 with Retry-After (seconds) and a Vietnamese message, before anything is stored.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import type { RateLimiter, RateRule } from '../../bot/limits/rate-limiter.ts';
import { HttpError } from './errors.ts';

export interface ClientLimits {
  limiter: RateLimiter;
  rules: { chat: RateRule; conversation: RateRule; login: RateRule; lookup: RateRule };
  streams: StreamSlots;
}

export function clientKey(request: Request): string {
  return `ip:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * The client of a raw request (a WebSocket upgrade, which Express never sees), by the app's own
 * `trust proxy: loopback` rule: the connecting address, or — while the hop is a loopback proxy —
 * the next address to the left in X-Forwarded-For. Same key as clientKey() for the same caller.
 */
export function upgradeClientKey(request: IncomingMessage): string {
  let address = request.socket.remoteAddress ?? 'unknown';
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (LOOPBACK.test(address) && forwarded.length) address = forwarded.pop()!;
  return `ip:${address}`;
}

function wait(seconds: number): string {
  return seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/** Takes one token of `rule` for the request's client, or throws 429 (Retry-After set). */
export async function admitClient(
  limits: Pick<ClientLimits, 'limiter'>,
  rule: RateRule,
  request: Request,
  response: Response,
  refusal: (retryAfterSeconds: number) => HttpError = (seconds) =>
    new HttpError('rate_limited', `client over the ${rule.name} limit`, `Bạn gửi yêu cầu quá nhanh. Vui lòng thử lại sau ${wait(seconds)}.`),
  /** The bucket's key when the client is not the request's address (a Bot Framework conversation). */
  key?: string,
): Promise<void> {
  const decision = await limits.limiter.take(rule, key ?? clientKey(request));
  if (decision.allowed) return;
  response.setHeader('Retry-After', String(decision.retryAfterSeconds));
  request.log?.warn({ rule: rule.name, retryAfterSeconds: decision.retryAfterSeconds }, 'request refused: client over its rate limit');
  throw refusal(decision.retryAfterSeconds);
}

/** Open event streams per client, in this instance. */
export interface StreamSlots {
  /** A release function, or null when the client already holds `max` streams. */
  acquire(key: string): (() => void) | null;
  open(key: string): number;
}

export function createStreamSlots(max: number): StreamSlots {
  const held = new Map<string, number>();
  return {
    acquire(key) {
      const count = held.get(key) ?? 0;
      if (max > 0 && count >= max) return null;
      held.set(key, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (held.get(key) ?? 1) - 1;
        if (left <= 0) held.delete(key);
        else held.set(key, left);
      };
    },
    open: (key) => held.get(key) ?? 0,
  };
}

/** Claims a stream slot for the request's client or throws 429; the slot frees when the response closes. */
export function claimStreamSlot(slots: StreamSlots, request: Request, response: Response): void {
  const release = slots.acquire(clientKey(request));
  if (!release) {
    response.setHeader('Retry-After', '30');
    throw new HttpError('too_many_streams', 'client holds too many event streams');
  }
  response.on('close', release);
}
