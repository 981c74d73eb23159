/**
 * A citizen's 👍/👎 on one bot answer, with an optional comment: one per answer (the latest
 * word counts; a comment sent later joins the rating), only for the conversation's own bot messages.
 */
export const FEEDBACK_RATINGS = ['up', 'down'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

/** Longest comment kept (characters). */
export const FEEDBACK_COMMENT_MAX = 1000;

export interface AnswerFeedback {
  messageId: number;
  conversationId: string;
  rating: FeedbackRating;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewAnswerFeedback {
  conversationId: string;
  messageId: number;
  rating: FeedbackRating;
  /** Absent keeps an earlier comment. */
  comment?: string | undefined;
}

export interface AnswerFeedbackStore {
  /** Stores (or replaces) the rating; null when the message is not a bot answer of that conversation. */
  record(feedback: NewAnswerFeedback): Promise<AnswerFeedback | null>;
  get(messageId: number): Promise<AnswerFeedback | null>;
  /**
   * The conversation's 👎 still waiting for its optional comment: given at or after `since`, no
   * comment yet, and no citizen message stored after it (the next plain text is the comment). Null otherwise.
   */
  awaitingComment(conversationId: string, since: Date): Promise<AnswerFeedback | null>;
}
