/**
 * POST /webhooks/zalo: the OA's webhook. The body is read raw (the signature covers the exact
 * bytes, so this route is mounted before the app's JSON parser), verified, kept durably, and
 * answered 200 at once — Zalo wants an answer within 2 seconds and retries otherwise — while
 * the bot works afterwards. A missing or wrong signature, or a stale timestamp, gets 401 and
 * nothing is processed; a duplicate delivery gets 200 and nothing more.
 */
import express, { Router, type Request, type Response } from 'express';
import { ChannelInputError } from '../../bot/channel.ts';
import type { ZaloChannel } from './zalo-channel.ts';
import type { ZaloEvent } from './zalo-events.ts';
import type { ZaloInbound } from './zalo-inbound.ts';

export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';

export interface ZaloWebhookDeps {
  channel: ZaloChannel;
  inbound: ZaloInbound;
}

export function zaloWebhookRoutes(deps: ZaloWebhookDeps): Router {
  const router = Router();
  router.post(ZALO_WEBHOOK_PATH, express.raw({ type: () => true, limit: '64kb' }), async (request: Request, response: Response) => {
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    let event: ZaloEvent;
    try {
      event = deps.channel.verify({ body: undefined, rawBody, headers: request.headers as Record<string, string | undefined> });
    } catch (error) {
      // The reason is for operators (no secret, no expected signature); the sender gets the catalogued error.
      if (error instanceof ChannelInputError) request.log.warn({ reason: error.message, status: error.status }, 'zalo webhook refused');
      throw error;
    }
    const fresh = await deps.inbound.accept(event);
    response.status(200).json({ ok: true });
    if (fresh) void deps.inbound.process(event);
    else request.log.info({ event: event.name }, 'zalo duplicate delivery acknowledged');
  });
  return router;
}
