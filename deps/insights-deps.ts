/** Wiring for the insights: the citizens' feedback on answers and the supervisors' aggregates. */
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlAnswerFeedbackStore } from '../adapters/sql/sql-answer-feedback-store.ts';
import type { AnswerFeedbackStore } from '../bot/insights/answer-feedback.ts';

export interface InsightsDeps {
  feedback: AnswerFeedbackStore;
}

export function createInsightsDeps(db: Db): InsightsDeps {
  return { feedback: createSqlAnswerFeedbackStore(db) };
}
