/**
 * The part of the Bot Framework Activity protocol the portal channel speaks: the activity shape
 * it sends (message text, suggested actions, an Adaptive Card attachment), the shape it accepts
 * from a client (zod, everything else ignored), and the ids and watermarks it derives from the
 * conversation's stored messages so that nothing is lost and a reconnect resumes where it stopped.
 */
import { z } from 'zod';

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: 'user' | 'bot';
}

export interface CardAction {
  type: 'messageBack' | 'imBack' | 'postBack' | 'openUrl';
  title: string;
  /** For messageBack: what the client posts back as the activity's text. */
  text?: string;
  /** For messageBack: what the client shows as the citizen's own bubble. */
  displayText?: string;
  value: unknown;
}

export interface Attachment {
  contentType: string;
  content: unknown;
}

/** One activity as the portal channel puts it on the wire (Direct Line and /api/messages alike). */
export interface Activity {
  type: 'message';
  id?: string;
  timestamp?: string;
  channelId?: string;
  from?: ChannelAccount;
  conversation?: { id: string };
  replyToId?: string;
  text: string;
  textFormat: 'plain';
  locale?: string;
  suggestedActions?: { actions: CardAction[] };
  attachments?: Attachment[];
  channelData?: Record<string, unknown>;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** What we read of an activity a client posts; unknown fields pass through untouched and unused. */
export const IncomingActivitySchema = z.looseObject({
  type: z.string().max(64),
  text: z.string().optional(),
  value: z.unknown().optional(),
  from: z.looseObject({ id: z.string().max(128).optional(), name: z.string().max(256).optional() }).optional(),
  channelData: z.looseObject({ clientActivityID: z.string().max(128).optional(), postBack: z.unknown().optional() }).optional(),
});

export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

/**
 * A stored message becomes one or more activities (a long text split, a card and its text):
 * the id is `<messageId>.<part>` and the watermark after it is the message id, so a client that
 * resumes with a watermark receives exactly the messages stored after it.
 */
export function activityId(messageId: number, part: number): string {
  return `${messageId}.${part}`;
}

/** The watermark query parameter as a message id: absent, empty or unreadable → from the start. */
export function parseWatermark(value: unknown): number {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : 0;
  return Number.isSafeInteger(number) ? number : 0;
}
