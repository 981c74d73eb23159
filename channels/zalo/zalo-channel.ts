/**
 * The Zalo Official Account on the Channel seam: a webhook delivery is verified (signature over
 * the raw bytes, app id, replay window) and read into one typed event; a citizen's text becomes
 * an InboundMessage; our replies become customer-service messages (zalo-render.ts). Zalo has no
 * quick replies (choices are buttons), no cards, and later messages are pushed through the OA API.
 */
import { ChannelInputError, type Channel, type ChannelCapabilities, type InboundMessage, type RawInbound } from '../../bot/channel.ts';
import { parseJsonKeepingBigIds } from './zalo-json.ts';
import { ENVELOPE, toZaloEvent, ZaloEventError, type ZaloEvent } from './zalo-events.ts';
import { maskZaloId } from './zalo-ids.ts';
import { renderForZalo, ZALO_MAX_BUTTONS, type ZaloWireMessage } from './zalo-render.ts';
import { SIGNATURE_HEADER, signatureMatches } from './zalo-signature.ts';

/** Characters of one text message. 2000 is the figure Zalo integrators cite; not confirmed on developers.zalo.me. */
export const ZALO_MAX_TEXT = 2000;
/** The longest citizen message the bot reads. */
export const ZALO_MAX_INBOUND_TEXT = 2000;

export interface ZaloChannelOptions {
  appId: string;
  oaSecretKey: string;
  replayWindowSeconds: number;
  now?: () => Date;
}

export interface ZaloChannel extends Channel<ZaloWireMessage> {
  /** Verifies one webhook delivery and reads it; throws ChannelInputError (401 unsigned/forged/stale, 400 malformed). */
  verify(raw: RawInbound): ZaloEvent;
  /** A verified text event as the core's InboundMessage; throws ChannelInputError for text the bot cannot take. */
  toInbound(event: Extract<ZaloEvent, { kind: 'text' }>): InboundMessage;
}

const UNSIGNED = 'Yêu cầu không có chữ ký hợp lệ của Zalo.';

function refuse(detail: string, message: string, status: 400 | 401 | 403 = 400): ChannelInputError {
  return new ChannelInputError(detail, message, status);
}

export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const now = options.now ?? (() => new Date());
  const capabilities: ChannelCapabilities = { maxTextLength: ZALO_MAX_TEXT, maxQuickReplies: ZALO_MAX_BUTTONS, cards: false, proactive: 'push' };

  const channel: ZaloChannel = {
    name: 'zalo',
    capabilities,

    verify(raw) {
      const header = raw.headers[SIGNATURE_HEADER];
      if (!header) throw refuse('missing X-ZEvent-Signature', UNSIGNED, 401);
      if (!raw.rawBody) throw refuse('no raw body to verify', 'Nội dung yêu cầu không đọc được.');
      let body: unknown;
      try {
        body = parseJsonKeepingBigIds(raw.rawBody.toString('utf8'));
      } catch {
        throw refuse('body is not JSON', 'Nội dung gửi lên không phải JSON hợp lệ.');
      }
      const envelope = ENVELOPE.safeParse(body);
      if (!envelope.success) throw refuse('missing app_id, event_name or timestamp', 'Sự kiện Zalo thiếu app_id, event_name hoặc timestamp.');
      // The timestamp is signed as it appears in the body.
      const signedTimestamp = String((body as { timestamp: unknown }).timestamp);
      if (!signatureMatches(header, options.appId, raw.rawBody, signedTimestamp, options.oaSecretKey)) {
        throw refuse('signature mismatch', UNSIGNED, 401);
      }
      if (envelope.data.app_id !== options.appId) throw refuse('event of another app', 'Sự kiện không thuộc ứng dụng này.', 403);
      const age = Math.abs(now().getTime() - envelope.data.timestamp);
      if (age > options.replayWindowSeconds * 1000) throw refuse(`timestamp outside the replay window (${Math.round(age / 1000)} s)`, 'Sự kiện đã quá hạn hoặc bị gửi lại.', 401);
      try {
        return toZaloEvent(body, raw.rawBody);
      } catch (error) {
        if (error instanceof ZaloEventError) throw refuse(error.message, `Sự kiện Zalo không hợp lệ (trường "${error.field}").`);
        throw error;
      }
    },

    toInbound(event) {
      const text = event.text.trim();
      if (!text) throw refuse('empty text', 'Vui lòng nhập nội dung câu hỏi.');
      if (text.length > ZALO_MAX_INBOUND_TEXT) {
        throw refuse('text too long', `Tin nhắn quá dài: tối đa ${ZALO_MAX_INBOUND_TEXT.toLocaleString('vi-VN')} ký tự. Vui lòng rút gọn câu hỏi.`);
      }
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) throw refuse('binary text', 'Tin nhắn chứa ký tự không hợp lệ. Vui lòng chỉ gửi văn bản.');
      return { channel: 'zalo', text, clientKey: `zalo:${maskZaloId(`${event.oaId}:${event.userId}`)}` };
    },

    receive(raw) {
      const event = channel.verify(raw);
      if (event.kind !== 'text') throw refuse(`event ${event.name} carries no text`, 'Sự kiện này không phải tin nhắn văn bản.');
      return channel.toInbound(event);
    },

    render(message) {
      return renderForZalo(message, capabilities);
    },
  };
  return channel;
}
