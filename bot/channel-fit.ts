/**
 * Fits one reply to what a channel can show: choices beyond its button limit become a numbered
 * list (the bot understands "1", "2" … typed back), a card it cannot show becomes its text, and
 * text longer than its limit is split between words — in order, nothing dropped. Every channel's
 * `render` starts here, so no channel re-invents splitting or degrading.
 */
import type { ChannelCapabilities } from './channel.ts';
import { textReply, toPlainText, type Reply } from './replies.ts';

/** Splits text into parts of at most `limit` characters, preferring paragraph, line, then word breaks. */
export function splitText(text: string, limit: number): string[] {
  if (limit < 1) throw new RangeError('limit must be positive');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((at) => at > limit / 3) ?? -1;
    // A single "word" longer than the limit (a URL) is cut where it must be.
    const at = cut > 0 ? cut : limit;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** The reply as the channel can show it: one or more replies, the last carrying choices and card. */
export function fitReply(reply: Reply, capabilities: ChannelCapabilities): Reply[] {
  let fitted: Reply = reply;
  if (fitted.kind === 'card' && !capabilities.cards) {
    fitted = fitted.quickReplies?.length
      ? { kind: 'quick_replies', text: fitted.text, quickReplies: fitted.quickReplies }
      : textReply(fitted.text);
  }
  const choices = fitted.kind === 'text' ? [] : (fitted.quickReplies ?? []);
  if (choices.length > capabilities.maxQuickReplies) fitted = textReply(toPlainText(fitted));

  const parts = splitText(fitted.text, capabilities.maxTextLength);
  if (parts.length <= 1) return [fitted];
  return parts.map((part, index) => (index === parts.length - 1 ? { ...fitted, text: part } : textReply(part)));
}
