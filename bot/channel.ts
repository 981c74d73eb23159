/**
 * The Channel seam: what every channel (web chat, Zalo OA, the portal) declares, how its raw
 * input becomes one typed inbound message, and how the core's typed replies become its wire
 * messages. The core sees only `InboundMessage` and `Reply`; a channel never reaches inside.
 */
import type { Reply } from './replies.ts';

export interface ChannelCapabilities {
  /** Longest text one wire message may carry; longer replies are split between words. */
  maxTextLength: number;
  /** Most choice buttons one message can show; 0 = none (choices become a numbered list). */
  maxQuickReplies: number;
  /** Whether a procedure card can be shown (else only its text is sent). */
  cards: boolean;
  /**
   * How later messages (an officer's reply, a dossier notice) reach the citizen: `stream` = the
   * citizen's client listens (web chat's event stream); `push` = the server sends them (Zalo API).
   */
  proactive: 'stream' | 'push';
}

/** One citizen message, verified and validated by its channel: the only inbound shape the core knows. */
export interface InboundMessage {
  channel: string;
  /** Absent or unknown → a new conversation. */
  conversationId?: string;
  text: string;
  /** The payload of a clicked choice (e.g. `pick:1.001456`). */
  payload?: string;
  /** Who sends on the network (e.g. `ip:203.0.113.5`), for per-client limits; never shown. */
  clientKey?: string;
  /**
   * Channel fields stored with the citizen's message and given back when the channel reads the
   * conversation again (Direct Line echoes the client's `clientActivityID` and user id); never read by the core.
   */
  channelData?: Record<string, string>;
}

/** A message from the core to one conversation: a bot answer, an officer's words, a system notice. */
export interface OutboundMessage {
  conversationId: string;
  from: 'bot' | 'officer' | 'system';
  reply: Reply;
  /** The stored message's id, when it is stored (clients de-duplicate by it). */
  messageId?: number;
  /**
   * A committed procedure answer the citizen may rate (with `messageId`): channels that show
   * buttons add 👍/👎 (bot/insights/feedback-control.ts); others ignore it.
   */
  rateable?: boolean;
}

/** What a channel adapter receives before it is verified: the parsed body and the request's metadata. */
export interface RawInbound {
  body: unknown;
  /** The exact bytes received, for channels whose signature covers them. */
  rawBody?: Buffer;
  headers: Readonly<Record<string, string | undefined>>;
  clientKey?: string;
}

/** Input a channel refuses (malformed, unsigned, binary, too long): answered 4xx, nothing stored. */
export class ChannelInputError extends Error {
  constructor(
    /** For developers and logs; never personal data or secrets. */
    detail: string,
    /** Plain Vietnamese for the sender. */
    readonly userMessage: string,
    readonly status: 400 | 401 | 403 | 413 = 400,
  ) {
    super(detail);
    this.name = 'ChannelInputError';
  }
}

export interface Channel<Wire> {
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Verifies and validates raw input; throws ChannelInputError for what it refuses. */
  receive(raw: RawInbound): InboundMessage;
  /** One outbound message as the channel's wire messages, in order (split and degraded to fit). */
  render(message: OutboundMessage): Wire[];
}
