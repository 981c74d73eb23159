/**
 * What the Channel conformance suite needs from each channel: the adapter itself, raw inputs it
 * must refuse, and a live harness that talks to a running server through the channel's own
 * transport (HTTP for web chat, signed webhooks for Zalo …) and reads what reaches the citizen.
 */
import type { Channel, RawInbound } from '../../../bot/channel.ts';
import type { QuickReply } from '../../../bot/replies.ts';
import { parseFeedbackPayload } from '../../../bot/insights/feedback-control.ts';
import type { TestApp } from '../../support/test-app.ts';

/** What the citizen saw for one message they sent: the replies as plain text and the choices offered. */
export interface SeenReplies {
  conversationId: string;
  texts: string[];
  choices: QuickReply[];
  /** The stored ids of the bot messages, where the channel's transport tells them (web chat). */
  messageIds?: number[];
}

/** A rating given to an answer: which stored message it went to, and what the citizen was told. */
export interface GivenRating {
  messageId: number;
  acknowledged: string[];
}

export interface LiveChannel {
  /** Sends a citizen message (or a clicked choice) through the channel's transport. */
  send(input: { text: string } | { choice: QuickReply }): Promise<SeenReplies>;
  /** Rates an answer 👍/👎 with the control this channel shows for it. */
  rate(answer: SeenReplies, rating: 'up' | 'down'): Promise<GivenRating>;
  /** Waits for a later message (officer reply, notice) to reach the citizen through the channel. */
  nextLater(predicate: (text: string) => boolean): Promise<string>;
  close(): Promise<void>;
}

export interface ChannelHarness<Wire> {
  channel: Channel<Wire>;
  /** The suite's name for it when a channel has several transports (default: the channel's name). */
  label?: string;
  /** The text and choices of one wire message, as the citizen's client shows them. */
  read(wire: Wire): { text: string; choices: QuickReply[] };
  /** Raw inputs the channel must refuse with a ChannelInputError. */
  refused: Array<{ why: string; raw: RawInbound }>;
  /** A citizen on this channel, talking to the server `app`. */
  connect(app: TestApp): Promise<LiveChannel>;
  /** The server this channel needs (e.g. wired to a fake provider); default: the plain test app. */
  startApp?(): Promise<TestApp>;
}

/**
 * Rating through the answer's own 👍/👎 choices (payload `feedback:up|down:<messageId>`), clicked
 * like any other: Zalo and the portal. Web chat's widget has its own control instead.
 */
export async function rateByChoice(live: Pick<LiveChannel, 'send'>, answer: SeenReplies, rating: 'up' | 'down'): Promise<GivenRating> {
  const choice = answer.choices.find((c) => parseFeedbackPayload(c.payload)?.rating === rating);
  if (!choice) throw new Error(`the answer offers no ${rating} rating`);
  const clicked = await live.send({ choice });
  return { messageId: parseFeedbackPayload(choice.payload)!.messageId, acknowledged: clicked.texts };
}
