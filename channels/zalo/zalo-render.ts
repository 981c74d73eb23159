/**
 * Our typed replies as Zalo OA customer-service messages (POST /v3.0/oa/message/cs,
 * https://developers.zalo.me/docs/official-account/tin-nhan/tin-tu-van/gui-tin-tu-van): text
 * split at the per-message limit between words (channel-fit.ts); Zalo has no quick replies, so
 * choices go out as `oa.query.show` buttons of a button template — a press makes the citizen send
 * the button's payload as a text message, shown in the chat, so the payload is the choice's label
 * — and links to the public-service portals as `oa.open.url` buttons; a committed procedure answer
 * also gets 👍/👎 as `oa.query.hide` buttons (renderForZalo). Button shapes and limits
 * (title ≤ 100 characters, query payload ≤ 1000) as documented by Zalo and restated in
 * https://app.unpkg.com/@warriorteam/redai-zalo-sdk@1.32.17/files/docs/BUTTON_TYPES_GUIDE.md; the
 * template's envelope (`template_type: "button"`, text beside it) follows the integrations in
 * github.com/hoangnd25/monorepo (wip/zalo-platform-integration.md): the developers.zalo.me page
 * itself was not available to check it against.
 */
import type { ChannelCapabilities, OutboundMessage } from '../../bot/channel.ts';
import { fitReply } from '../../bot/channel-fit.ts';
import { feedbackChoices } from '../../bot/insights/feedback-control.ts';
import type { QuickReply, Reply } from '../../bot/replies.ts';

export type ZaloButton =
  | { title: string; type: 'oa.query.show' | 'oa.query.hide'; payload: string }
  | { title: string; type: 'oa.open.url'; payload: { url: string } };

/** The `message` object of a customer-service message. */
export interface ZaloCsMessage {
  text: string;
  attachment?: { type: 'template'; payload: { template_type: 'button'; buttons: ZaloButton[] } };
}

/** One wire message: what goes to Zalo, and the choice each query button stands for (a press comes back as its label). */
export interface ZaloWireMessage {
  message: ZaloCsMessage;
  choices: QuickReply[];
}

/** Buttons one template shows. */
export const ZALO_MAX_BUTTONS = 5;
/** Choice buttons beside 👍/👎 on a rateable answer (5 − 2); further choices are named in the text. */
const RATEABLE_CHOICE_BUTTONS = ZALO_MAX_BUTTONS - 2;
/** Room kept in a rateable answer's text for the line naming the choices beyond those buttons. */
const MORE_CHOICES_ROOM = 300;
const TITLE_LIMIT = 100;
const QUERY_PAYLOAD_LIMIT = 1000;

const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/** The text a press of this choice's button sends back (and shows in the citizen's chat). */
export const pressText = (choice: QuickReply): string => clip(choice.label.trim(), QUERY_PAYLOAD_LIMIT);

/** Links worth a button: the procedure's page on the portal, and public-service portals (*.gov.vn) named in the text. */
function portalLinks(reply: Reply): ZaloButton[] {
  const links: ZaloButton[] = [];
  const add = (url: string, title: string) => {
    if (!links.some((link) => link.type === 'oa.open.url' && link.payload.url === url)) links.push({ title, type: 'oa.open.url', payload: { url } });
  };
  if (reply.kind === 'card' && reply.card.url) add(reply.card.url, 'Xem thủ tục trên Cổng Dịch vụ công');
  for (const match of reply.text.matchAll(/https?:\/\/[^\s)"'<>]+/g)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      continue;
    }
    if (host.endsWith('.gov.vn')) add(url, host === 'dichvucong.gov.vn' ? 'Mở Cổng Dịch vụ công quốc gia' : `Mở ${host}`);
  }
  return links;
}

/** The line naming choices that got no button (typing one back is read as pressing it: zalo-inbound.ts). */
const moreChoicesLine = (choices: readonly QuickReply[]) => clip(`\nBạn cũng có thể hỏi: ${choices.map((choice) => choice.label).join('; ')}.`, MORE_CHOICES_ROOM);

/**
 * A rateable answer (a committed procedure answer, with its stored id) gets 👍/👎 as `oa.query.hide`
 * buttons on its last part: the press sends the payload (`feedback:up:123`, naming the rated
 * message) to the webhook as a text the citizen's chat does not show. Of the 5 buttons the
 * answer's choices keep 3, the rating takes 2, links take what is left; choices beyond 3 are
 * named on a line of the text and still understood when typed back.
 */
export function renderForZalo(message: OutboundMessage, capabilities: ChannelCapabilities): ZaloWireMessage[] {
  const links = portalLinks(message.reply);
  const rating = message.rateable && message.messageId !== undefined ? feedbackChoices(message.messageId) : [];
  const fit = rating.length ? { ...capabilities, maxTextLength: capabilities.maxTextLength - MORE_CHOICES_ROOM } : capabilities;
  const parts = fitReply(message.reply, fit);
  return parts.map((reply, index) => {
    const last = index === parts.length - 1;
    const choices = reply.kind === 'text' ? [] : (reply.quickReplies ?? []);
    const shown = last && rating.length ? choices.slice(0, RATEABLE_CHOICE_BUTTONS) : choices;
    const named = choices.slice(shown.length);
    const rates = last ? rating : [];
    const room = ZALO_MAX_BUTTONS - shown.length - rates.length;
    const buttons: ZaloButton[] = [
      ...shown.map((choice): ZaloButton => ({ title: clip(choice.label, TITLE_LIMIT), type: 'oa.query.show', payload: pressText(choice) })),
      ...rates.map((rate): ZaloButton => ({ title: rate.label, type: 'oa.query.hide', payload: rate.payload })),
      ...(last ? links.slice(0, Math.max(0, room)) : []),
    ];
    const text = named.length ? `${reply.text}${moreChoicesLine(named)}` : reply.text;
    const wire: ZaloCsMessage = buttons.length
      ? { text, attachment: { type: 'template', payload: { template_type: 'button', buttons } } }
      : { text };
    return { message: wire, choices: choices.map((choice) => ({ label: choice.label, payload: choice.payload })) };
  });
}
