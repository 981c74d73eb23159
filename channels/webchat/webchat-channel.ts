/**
 * Web chat on the Channel seam: the widget posts `{"conversationId"?, "text", "payload"?}` and
 * receives JSON replies `{text, quickReplies?, card?}`; later messages reach it on its event
 * stream. The widget shows long text, buttons and cards, so replies pass through nearly as composed.
 */
import { z } from 'zod';
import { ChannelInputError, type Channel, type InboundMessage } from '../../bot/channel.ts';
import { fitReply } from '../../bot/channel-fit.ts';
import type { ProcedureCardData, QuickReply } from '../../bot/replies.ts';

export const MAX_CHAT_TEXT = 2000;

export interface WebchatWireReply {
  text: string;
  quickReplies?: QuickReply[];
  card?: ProcedureCardData;
}

const ChatRequestSchema = z.object({
  conversationId: z.string().trim().min(1).max(100).regex(/^[\w-]+$/).optional(),
  text: z.string(),
  /** The payload of a quick reply the citizen clicked. */
  payload: z.string().max(200).optional(),
});

function invalid(detail: string, message: string): ChannelInputError {
  return new ChannelInputError(detail, message);
}

export const webchatChannel: Channel<WebchatWireReply> = {
  name: 'webchat',
  capabilities: { maxTextLength: 20_000, maxQuickReplies: 12, cards: true, proactive: 'stream' },

  receive(raw): InboundMessage {
    const body = raw.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid('body must be a JSON object', 'Vui lòng gửi tin nhắn dạng JSON: {"text": "câu hỏi của bạn"}.');
    }
    const parsed = ChatRequestSchema.safeParse(body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'text');
      const message =
        field === 'text'
          ? 'Tin nhắn phải là văn bản (trường "text").'
          : field === 'conversationId'
            ? 'Mã cuộc trò chuyện (conversationId) không hợp lệ.'
            : `Trường "${field}" không hợp lệ.`;
      throw invalid(`invalid ${field}`, message);
    }
    const text = parsed.data.text.trim();
    if (!text) throw invalid('empty text', 'Vui lòng nhập nội dung câu hỏi.');
    if (text.length > MAX_CHAT_TEXT) {
      throw invalid('text too long', `Tin nhắn quá dài: tối đa ${MAX_CHAT_TEXT.toLocaleString('vi-VN')} ký tự. Vui lòng rút gọn câu hỏi.`);
    }
    // Control characters other than newline/tab mean binary input, not a question.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) {
      throw invalid('binary text', 'Tin nhắn chứa ký tự không hợp lệ. Vui lòng chỉ gửi văn bản.');
    }
    return {
      channel: 'webchat',
      text,
      ...(parsed.data.conversationId ? { conversationId: parsed.data.conversationId } : {}),
      ...(parsed.data.payload ? { payload: parsed.data.payload } : {}),
      ...(raw.clientKey ? { clientKey: raw.clientKey } : {}),
    };
  },

  render(message) {
    return fitReply(message.reply, this.capabilities).map((reply) => ({
      text: reply.text,
      ...(reply.kind !== 'text' && reply.quickReplies?.length ? { quickReplies: reply.quickReplies } : {}),
      ...(reply.kind === 'card' ? { card: reply.card } : {}),
    }));
  },
};
