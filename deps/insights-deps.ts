/** Wiring for the insights: the citizens' feedback on answers (and its 👍/👎 control for button channels) and the supervisors' aggregates. */
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlAnswerFeedbackStore } from '../adapters/sql/sql-answer-feedback-store.ts';
import { createSqlInsightStore } from '../adapters/sql/sql-insight-store.ts';
import type { ConversationStore } from '../bot/conversation/conversation-store.ts';
import type { EventHub } from '../bot/events/event-hub.ts';
import type { AnswerFeedbackStore } from '../bot/insights/answer-feedback.ts';
import { createFeedbackControl, type FeedbackControl } from '../bot/insights/feedback-control.ts';
import type { InsightStore } from '../bot/insights/insight-store.ts';

export interface InsightsDeps {
  feedback: AnswerFeedbackStore;
  /** 👍/👎 clicks and comments from Zalo and the portal (one path for both). */
  control: FeedbackControl;
  store: InsightStore;
}

export function createInsightsDeps(db: Db, input: { store: ConversationStore; events: EventHub; now?: () => Date }): InsightsDeps {
  const feedback = createSqlAnswerFeedbackStore(db);
  const control = createFeedbackControl({ store: input.store, feedback, events: input.events, ...(input.now ? { now: input.now } : {}) });
  return { feedback, control, store: createSqlInsightStore(db) };
}
