/**
 * The channel-facing shape of one bot reply: text always present (channels without rich
 * support send just that), optional quick replies and a procedure card.
 */
export interface QuickReply {
  label: string;
  /** Sent back with the citizen's click; the bot understands it (e.g. "procedure:1.001456"). */
  payload: string;
}

export interface ProcedureCard {
  code: string;
  name: string;
  facts: Array<{ label: string; value: string }>;
  url?: string;
}

export interface ChatReply {
  text: string;
  quickReplies?: QuickReply[];
  card?: ProcedureCard;
}
