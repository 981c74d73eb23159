/**
 * The citizens a push channel knows: (channel, account, user) → our conversation, kept so
 * follow-ups continue the same conversation; per conversation also the messaging window (the
 * channel's free replies after the citizen's last message), the choices last offered as buttons
 * (a press comes back as text) and how far the conversation's messages have been handed to the outbox.
 */
import type { QuickReply } from '../replies.ts';

export interface ChannelContact {
  channel: string;
  /** The channel account the citizen writes to (a Zalo OA id). */
  accountId: string;
  /** The citizen's id on the channel (personal data: never logged unmasked). */
  userId: string;
  conversationId: string;
  followed: boolean | null;
  lastInboundAt: string | null;
  repliesUsed: number;
  offered: QuickReply[];
  /** Id of the last conversation message handed to the outbox. */
  deliveredThrough: number;
}

/** The channel's rule for replies: this many free replies within this many hours of the citizen's last message. */
export interface ReplyWindowRule {
  maxReplies: number;
  hours: number;
}

export interface ReplyWindow {
  open: boolean;
  remaining: number;
  /** When the window closes (null before any citizen message). */
  closesAt: string | null;
}

export interface ChannelContacts {
  /** The citizen's contact, created with `conversationId` the first time (a racing creator gets the stored one). */
  link(contact: { channel: string; accountId: string; userId: string; conversationId: string }): Promise<ChannelContact>;
  find(channel: string, accountId: string, userId: string): Promise<ChannelContact | null>;
  byConversation(conversationId: string): Promise<ChannelContact | null>;
  /** The citizen wrote (or followed): the window opens again with its full budget. */
  touchInbound(conversationId: string, at: Date): Promise<void>;
  setFollowed(conversationId: string, followed: boolean): Promise<void>;
  /** Takes one reply from the open window; false when it is closed or used up. */
  useReply(conversationId: string, rule: ReplyWindowRule, now: Date): Promise<boolean>;
  /** Gives back a reply taken for a send that did not happen. */
  refundReply(conversationId: string): Promise<void>;
  window(conversationId: string, rule: ReplyWindowRule, now: Date): Promise<ReplyWindow | null>;
  setOffered(conversationId: string, choices: QuickReply[]): Promise<void>;
  /** Moves the delivery mark forward (never back). */
  advance(conversationId: string, messageId: number): Promise<void>;
  /** Conversations of `channel` holding non-citizen messages past their delivery mark. */
  behind(channel: string, limit: number): Promise<string[]>;
}
