/**
 * The portal on the Channel seam: provincial portals that embed Microsoft's Web Chat (through our
 * self-hosted Direct Line) or reach us through Azure Bot Service speak Bot Framework activities.
 * A citizen's message activity becomes one InboundMessage; a reply becomes message activities —
 * choices as `suggestedActions` (messageBack: the label shown as the citizen's bubble, the payload
 * posted back as `value`), the procedure card as an Adaptive Card beside its full text. A
 * committed procedure answer also gets 👍/👎 as two more messageBack actions whose value names the
 * rated message (`{"payload":"feedback:up:123"}`; bot/insights/feedback-control.ts).
 */
import { ChannelInputError, type Channel, type InboundMessage } from '../../bot/channel.ts';
import { fitReply } from '../../bot/channel-fit.ts';
import { cardReply, quickRepliesReply, textReply, type ProcedureCardData, type QuickReply, type Reply } from '../../bot/replies.ts';
import type { StoredMessage } from '../../bot/conversation/conversation-store.ts';
import { feedbackChoices, offersFeedback } from '../../bot/insights/feedback-control.ts';
import { ADAPTIVE_CARD, activityId, IncomingActivitySchema, type Activity, type Attachment, type CardAction, type ChannelAccount } from './activity.ts';

export const PORTAL_CHANNEL = 'portal';
export const MAX_PORTAL_TEXT = 2000;
const MAX_PAYLOAD = 200;

export const BOT_ACCOUNT: ChannelAccount = { id: 'tro-ly-thu-tuc', name: 'Trợ lý thủ tục', role: 'bot' };
const OFFICER_ACCOUNT: ChannelAccount = { id: 'can-bo', name: 'Cán bộ trực', role: 'bot' };
const SYSTEM_ACCOUNT: ChannelAccount = { id: 'he-thong', name: 'Trợ lý thủ tục', role: 'bot' };

function refuse(detail: string, message: string): never {
  throw new ChannelInputError(detail, message);
}

/** The payload a client posted back: messageBack `value: {payload}`, postBack `value: "pick:…"`, or a postBack's text. */
function payloadOf(value: unknown, text: string | undefined, postBack: boolean): string | undefined {
  const candidate =
    typeof value === 'string' ? value
    : value && typeof value === 'object' && typeof (value as { payload?: unknown }).payload === 'string' ? (value as { payload: string }).payload
    : postBack ? text
    : undefined;
  if (candidate === undefined) return undefined;
  if (candidate.length > MAX_PAYLOAD || !/^[\w.:-]+$/.test(candidate)) refuse('invalid payload', 'Lựa chọn gửi lên không hợp lệ.');
  return candidate;
}

function suggestedActions(choices: readonly QuickReply[]): Activity['suggestedActions'] {
  const actions: CardAction[] = choices.map((choice) => ({
    type: 'messageBack',
    title: choice.label,
    text: choice.label,
    displayText: choice.label,
    value: { payload: choice.payload },
  }));
  return { actions };
}

/** The procedure at a glance as an Adaptive Card (1.3: what Web Chat and Teams render). */
export function procedureCard(card: ProcedureCardData): Attachment {
  const url = card.url && /^https?:\/\//i.test(card.url) ? card.url : undefined;
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.3',
      body: [
        { type: 'TextBlock', text: card.name, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: [card.code, card.level, card.sector].filter(Boolean).join(' · '), isSubtle: true, spacing: 'None', wrap: true },
        ...(card.facts.length ? [{ type: 'FactSet', facts: card.facts.map((fact) => ({ title: fact.label, value: fact.value })) }] : []),
      ],
      ...(url ? { actions: [{ type: 'Action.OpenUrl', title: 'Xem trên Cổng dịch vụ công', url }] } : {}),
    },
  };
}

export const portalChannel: Channel<Activity> = {
  name: PORTAL_CHANNEL,
  // Web Chat shows long text whole, up to 12 suggested actions in a row, and Adaptive Cards.
  capabilities: { maxTextLength: 20_000, maxQuickReplies: 12, cards: true, proactive: 'stream' },

  receive(raw): InboundMessage {
    const body = raw.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) refuse('body must be an activity object', 'Vui lòng gửi một activity dạng JSON: {"type": "message", "text": "câu hỏi của bạn"}.');
    const parsed = IncomingActivitySchema.safeParse(body);
    if (!parsed.success) refuse(`invalid activity field ${String(parsed.error.issues[0]?.path.join('.'))}`, 'Activity gửi lên không hợp lệ (kiểm tra các trường type, text, from).');
    const activity = parsed.data;
    if (activity.type !== 'message') refuse(`unsupported activity type ${activity.type}`, 'Trợ lý chỉ nhận tin nhắn văn bản (activity type "message").');
    const payload = payloadOf(activity.value, activity.text, Boolean(activity.channelData?.postBack));
    const text = (activity.text ?? '').trim() || payload || '';
    if (!text) refuse('empty text', 'Vui lòng nhập nội dung câu hỏi.');
    if (text.length > MAX_PORTAL_TEXT) refuse('text too long', `Tin nhắn quá dài: tối đa ${MAX_PORTAL_TEXT.toLocaleString('vi-VN')} ký tự. Vui lòng rút gọn câu hỏi.`);
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) refuse('binary text', 'Tin nhắn chứa ký tự không hợp lệ. Vui lòng chỉ gửi văn bản.');
    const conversationId = (body as { conversation?: { id?: unknown } }).conversation?.id;
    const channelData: Record<string, string> = {};
    if (activity.channelData?.clientActivityID) channelData.clientActivityID = activity.channelData.clientActivityID;
    if (activity.from?.id) channelData.userId = activity.from.id;
    return {
      channel: PORTAL_CHANNEL,
      text,
      ...(typeof conversationId === 'string' && conversationId ? { conversationId } : {}),
      ...(payload ? { payload } : {}),
      ...(raw.clientKey ? { clientKey: raw.clientKey } : {}),
      ...(Object.keys(channelData).length ? { channelData } : {}),
    };
  },

  render(message) {
    const from = message.from === 'officer' ? OFFICER_ACCOUNT : message.from === 'system' ? SYSTEM_ACCOUNT : BOT_ACCOUNT;
    const rating = message.rateable && message.messageId !== undefined ? feedbackChoices(message.messageId) : [];
    // The rating takes two of the row's actions: the answer's own choices keep the rest.
    const fit = { ...this.capabilities, maxQuickReplies: this.capabilities.maxQuickReplies - rating.length };
    const parts = fitReply(message.reply, fit);
    return parts.map((reply, index): Activity => {
      const actions = [...(reply.kind !== 'text' ? (reply.quickReplies ?? []) : []), ...(index === parts.length - 1 ? rating : [])];
      return {
        type: 'message',
        from,
        conversation: { id: message.conversationId },
        text: reply.text,
        textFormat: 'plain',
        locale: 'vi-VN',
        ...(actions.length ? { suggestedActions: suggestedActions(actions) } : {}),
        ...(reply.kind === 'card' ? { attachments: [procedureCard(reply.card)] } : {}),
      };
    });
  },
};

/** The reply a stored bot, officer or system message was, rebuilt from what the store kept. */
function storedReply(stored: StoredMessage): Reply {
  const payload = (stored.payload ?? {}) as { quickReplies?: QuickReply[]; card?: ProcedureCardData };
  const quickReplies = Array.isArray(payload.quickReplies) ? payload.quickReplies : undefined;
  if (payload.card) return cardReply(stored.text, payload.card, quickReplies);
  if (quickReplies?.length) return quickRepliesReply(stored.text, quickReplies);
  return textReply(stored.text);
}

/**
 * One stored message as the activities a client receives: the citizen's own message echoed back
 * (with the client's `clientActivityID`, so Web Chat marks it sent), everything else rendered.
 */
export function storedActivities(stored: StoredMessage, userFallbackId: string): Activity[] {
  const base = { timestamp: new Date(stored.createdAt).toISOString(), channelId: 'directline', conversation: { id: stored.conversationId } };
  if (stored.author === 'citizen') {
    const channelData = ((stored.payload ?? {}) as { channelData?: Record<string, string> }).channelData ?? {};
    return [{
      ...base,
      type: 'message',
      id: activityId(stored.id, 0),
      from: { id: channelData.userId ?? userFallbackId, role: 'user' },
      text: stored.text,
      textFormat: 'plain',
      ...(channelData.clientActivityID ? { channelData: { clientActivityID: channelData.clientActivityID } } : {}),
    }];
  }
  return portalChannel
    .render({ conversationId: stored.conversationId, from: stored.author, reply: storedReply(stored), messageId: stored.id, rateable: offersFeedback(stored) })
    .map((activity, part) => ({ ...activity, ...base, id: activityId(stored.id, part) }));
}
