/** Wiring for the insights: the citizens' feedback on answers and the supervisors' aggregates. */
import type { Db } from '../adapters/sql/db/db.ts';
import { createSqlAnswerFeedbackStore } from '../adapters/sql/sql-answer-feedback-store.ts';
import { createSqlInsightStore } from '../adapters/sql/sql-insight-store.ts';
import type { AnswerFeedbackStore } from '../bot/insights/answer-feedback.ts';
import type { InsightStore } from '../bot/insights/insight-store.ts';

export interface InsightsDeps {
  feedback: AnswerFeedbackStore;
  store: InsightStore;
}

export function createInsightsDeps(db: Db): InsightsDeps {
  return { feedback: createSqlAnswerFeedbackStore(db), store: createSqlInsightStore(db) };
}
