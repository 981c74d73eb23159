/**
 * What the insights read from the stored history, as plain counts over a time range. Days are
 * calendar days in Vietnam (Asia/Ho_Chi_Minh, `YYYY-MM-DD`). A "question" is a citizen message
 * the bot answered (one turn, however many messages its answer took).
 */
import type { AnswerOutcome } from './answer-outcome.ts';
import type { FeedbackRating } from './answer-feedback.ts';

/** Half-open: `from` included, `to` excluded. */
export interface InsightRange {
  from: Date;
  to: Date;
}

export interface DayChannelCount {
  day: string;
  channel: string;
  count: number;
}

/** Questions answered in the range, counted per day, channel, intent, procedure and outcome. */
export interface TurnCount {
  day: string;
  channel: string;
  intent: string | null;
  procedureCode: string | null;
  outcome: AnswerOutcome;
  count: number;
}

/** A question the bot could not answer, answered with low confidence, or whose answer was disliked. */
export interface WeakAnswer {
  question: string;
  outcome: AnswerOutcome;
  confidence: number;
  intent: string | null;
  procedureCode: string | null;
  rating: FeedbackRating | null;
  comment: string | null;
  at: string;
}

export interface HandoffCounts {
  /** Conversations started in the range. */
  conversations: number;
  /** Of those, how many reached the officers' queue. */
  handedOff: number;
  /** Tickets opened in the range. */
  tickets: number;
}

export interface DurationSummary {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface SatisfactionCounts {
  /** 👍 / 👎 given in the range. */
  up: number;
  down: number;
  /** Handoff desk ratings (1–5) given in the range; 4 and 5 count as satisfied. */
  ratings: number;
  satisfiedRatings: number;
  ratingSum: number;
}

export interface LookupDay {
  day: string;
  lookups: number;
  found: number;
}

export interface InsightStore {
  conversationsByDay(range: InsightRange): Promise<DayChannelCount[]>;
  /** One pass over the answers: the questions per day, channel, intent, procedure and outcome. */
  turnCounts(range: InsightRange): Promise<TurnCount[]>;
  /** Unanswered, below `lowConfidence`, or disliked; newest first, at most `limit`. */
  weakAnswers(range: InsightRange, options: { lowConfidence: number; limit: number }): Promise<WeakAnswer[]>;
  handoffs(range: InsightRange): Promise<HandoffCounts>;
  /** Tickets opened in the range: opened → first taken by an officer. */
  officerWait(range: InsightRange): Promise<DurationSummary>;
  /** Tickets opened in the range: opened → the officer's first message. */
  firstResponse(range: InsightRange): Promise<DurationSummary>;
  satisfaction(range: InsightRange): Promise<SatisfactionCounts>;
  dossierLookups(range: InsightRange): Promise<LookupDay[]>;
  /** Right now: tickets waiting for an officer, outbox messages not yet sent. */
  backlog(): Promise<{ waitingTickets: number; outboxPending: number }>;
}
