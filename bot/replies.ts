/**
 * The bot's typed rich messages — the one reply type from composer to channel. One
 * discriminated union; every variant carries `text`, the complete message as plain text, so a
 * channel without buttons or cards sends just that (channel-fit.ts degrades the rest).
 */

/** A choice button; its payload comes back with the citizen's click (e.g. "pick:1.001456"). */
export interface QuickReply {
  label: string;
  payload: string;
}

export interface CardFact {
  label: string;
  value: string;
}

/** A procedure at a glance (overview answers). */
export interface ProcedureCardData {
  code: string;
  name: string;
  /** "Cấp xã, Cấp huyện" */
  level: string;
  sector: string;
  facts: CardFact[];
  url?: string;
}

export interface TextReply {
  kind: 'text';
  text: string;
}

export interface QuickRepliesReply {
  kind: 'quick_replies';
  text: string;
  quickReplies: QuickReply[];
}

export interface CardReply {
  kind: 'card';
  /** The card rendered as plain text. */
  text: string;
  card: ProcedureCardData;
  quickReplies?: QuickReply[];
}

export type Reply = TextReply | QuickRepliesReply | CardReply;

export function textReply(text: string): TextReply {
  return { kind: 'text', text };
}

export function quickRepliesReply(text: string, quickReplies: QuickReply[]): QuickRepliesReply {
  return { kind: 'quick_replies', text, quickReplies };
}

export function cardReply(text: string, card: ProcedureCardData, quickReplies?: QuickReply[]): CardReply {
  return quickReplies?.length ? { kind: 'card', text, card, quickReplies } : { kind: 'card', text, card };
}

/**
 * Plain-text rendering for channels that can show neither buttons nor cards: the text, then
 * the choices as a numbered list (the bot also understands "1", "2" … typed back).
 */
export function toPlainText(reply: Reply): string {
  const choices = reply.kind === 'text' ? [] : reply.quickReplies ?? [];
  if (choices.length === 0) return reply.text;
  return `${reply.text}\n${choices.map((choice, i) => `${i + 1}. ${choice.label}`).join('\n')}`;
}

/** Payloads the bot puts on quick replies and understands when they come back. */
export const PAYLOAD = {
  /** Pick a procedure offered in a clarification: continues the original question. */
  pick: (code: string) => `pick:${code}`,
  /** Ask one facet of a procedure (from an overview's buttons). */
  ask: (intent: string, code: string) => `ask:${intent}:${code}`,
  /** Connect me with an officer. */
  officer: 'officer',
} as const;

export type ParsedPayload =
  | { type: 'pick'; code: string }
  | { type: 'ask'; intent: string; code: string }
  | { type: 'officer' };

export function parsePayload(payload: string | undefined): ParsedPayload | null {
  if (!payload) return null;
  const trimmed = payload.trim();
  if (trimmed === PAYLOAD.officer) return { type: 'officer' };
  const pick = /^pick:(\S+)$/.exec(trimmed);
  if (pick) return { type: 'pick', code: pick[1]! };
  const ask = /^ask:([a-z_]+):(\S+)$/.exec(trimmed);
  if (ask) return { type: 'ask', intent: ask[1]!, code: ask[2]! };
  return null;
}
