/**
 * InsightStore over the Db seam: aggregates computed by the database (same SQL on PGlite and
 * PostgreSQL). A turn is the bot messages answering one citizen message (`reply_to`, migration 9).
 */
import type { Db } from './db/db.ts';
import type { AnswerOutcome } from '../../bot/insights/answer-outcome.ts';
import type { FeedbackRating } from '../../bot/insights/answer-feedback.ts';
import type { DayChannelCount, DurationSummary, InsightRange, InsightStore } from '../../bot/insights/insight-store.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const day = (column: string) => `to_char(${column} AT TIME ZONE '${ZONE}', 'YYYY-MM-DD')`;

/**
 * The answers in the range ($1 ≤ at < $2) grouped into turns: the bot messages of one turn share
 * the question they answer (`reply_to`), its intent, procedure, outcome and confidence.
 */
const ANSWERS_IN_RANGE = `m.outcome IS NOT NULL AND m.reply_to IS NOT NULL AND m.created_at >= $1 AND m.created_at < $2`;

const params = (range: InsightRange): unknown[] => [range.from.toISOString(), range.to.toISOString()];
const num = (value: unknown): number => Number(value ?? 0);
const seconds = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

interface DurationRow {
  n: number | string;
  median: number | string | null;
  p90: number | string | null;
}

const toDurations = (row: DurationRow | undefined): DurationSummary => ({
  count: num(row?.n),
  medianSeconds: seconds(row?.median),
  p90Seconds: seconds(row?.p90),
});

const DURATIONS = `count(s) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90`;

export function createSqlInsightStore(db: Db): InsightStore {
  async function dayChannel(sql: string, range: InsightRange): Promise<DayChannelCount[]> {
    const { rows } = await db.query<{ day: string; channel: string; n: number | string }>(sql, params(range));
    return rows.map((r) => ({ day: r.day, channel: r.channel, count: num(r.n) }));
  }
  return {
    conversationsByDay: (range) =>
      dayChannel(
        `SELECT ${day('created_at')} AS day, channel, count(*) AS n FROM conversations
         WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
        range,
      ),
    async turnCounts(range) {
      const { rows } = await db.query<{ day: string; channel: string; intent: string | null; procedure_code: string | null; outcome: AnswerOutcome; n: number | string }>(
        `SELECT ${day('t.at')} AS day, c.channel, t.intent, t.procedure_code, t.outcome, count(*) AS n
         FROM (SELECT m.reply_to, min(m.created_at) AS at, min(m.conversation_id) AS conversation_id,
                      min(m.intent) AS intent, min(m.procedure_code) AS procedure_code, min(m.outcome) AS outcome
               FROM messages m WHERE ${ANSWERS_IN_RANGE} GROUP BY m.reply_to) t
         JOIN conversations c ON c.id = t.conversation_id
         GROUP BY 1, 2, 3, 4, 5`,
        params(range),
      );
      return rows.map((r) => ({ day: r.day, channel: r.channel, intent: r.intent, procedureCode: r.procedure_code, outcome: r.outcome, count: num(r.n) }));
    },
    async weakAnswers(range, options) {
      const { rows } = await db.query<{
        question: string;
        outcome: AnswerOutcome;
        confidence: number | string;
        intent: string | null;
        procedure_code: string | null;
        disliked: boolean | null;
        liked: boolean | null;
        comment: string | null;
        at: Date | string;
      }>(
        // Only the weak answers' messages are grouped: unanswered, low confidence, or a 👎 on one of them.
        `SELECT q.text AS question, t.outcome, t.confidence, t.intent, t.procedure_code, t.disliked, t.liked, t.comment, t.at
         FROM (SELECT m.reply_to, min(m.created_at) AS at, min(m.intent) AS intent, min(m.procedure_code) AS procedure_code,
                      min(m.outcome) AS outcome, min(m.confidence) AS confidence,
                      bool_or(f.rating = 'down') AS disliked, bool_or(f.rating = 'up') AS liked, max(f.comment) AS comment
               FROM messages m LEFT JOIN answer_feedback f ON f.message_id = m.id
               WHERE ${ANSWERS_IN_RANGE}
                 AND (m.outcome IN ('not_found', 'out_of_scope', 'error') OR (m.outcome = 'answered' AND m.confidence < $3) OR f.rating = 'down')
               GROUP BY m.reply_to) t
         JOIN messages q ON q.id = t.reply_to
         ORDER BY t.at DESC LIMIT $4`,
        [...params(range), options.lowConfidence, options.limit],
      );
      return rows.map((r) => ({
        question: r.question,
        outcome: r.outcome,
        confidence: Math.round(num(r.confidence) * 1000) / 1000,
        intent: r.intent,
        procedureCode: r.procedure_code,
        rating: (r.disliked ? 'down' : r.liked ? 'up' : null) as FeedbackRating | null,
        comment: r.comment,
        at: new Date(r.at).toISOString(),
      }));
    },
    async handoffs(range) {
      const { rows } = await db.query<{ conversations: number | string; handed_off: number | string; tickets: number | string }>(
        `SELECT
           (SELECT count(*) FROM conversations c WHERE c.created_at >= $1 AND c.created_at < $2) AS conversations,
           (SELECT count(*) FROM conversations c WHERE c.created_at >= $1 AND c.created_at < $2
              AND EXISTS (SELECT 1 FROM handoff_tickets t WHERE t.conversation_id = c.id)) AS handed_off,
           (SELECT count(*) FROM handoff_tickets t WHERE t.created_at >= $1 AND t.created_at < $2) AS tickets`,
        params(range),
      );
      const row = rows[0];
      return { conversations: num(row?.conversations), handedOff: num(row?.handed_off), tickets: num(row?.tickets) };
    },
    async officerWait(range) {
      const { rows } = await db.query<DurationRow>(
        `SELECT ${DURATIONS} FROM (
           SELECT extract(epoch FROM first_claimed_at - created_at) AS s FROM handoff_tickets
           WHERE created_at >= $1 AND created_at < $2 AND first_claimed_at IS NOT NULL) waits`,
        params(range),
      );
      return toDurations(rows[0]);
    },
    async firstResponse(range) {
      const { rows } = await db.query<DurationRow>(
        `SELECT ${DURATIONS} FROM (
           SELECT extract(epoch FROM (
             SELECT min(m.created_at) FROM messages m
             WHERE m.conversation_id = t.conversation_id AND m.author = 'officer' AND m.created_at >= t.created_at
               AND (t.closed_at IS NULL OR m.created_at <= t.closed_at)) - t.created_at) AS s
           FROM handoff_tickets t WHERE t.created_at >= $1 AND t.created_at < $2) responses
         WHERE s IS NOT NULL`,
        params(range),
      );
      return toDurations(rows[0]);
    },
    async satisfaction(range) {
      const { rows } = await db.query<Record<'up' | 'down' | 'ratings' | 'satisfied' | 'rating_sum', number | string | null>>(
        `SELECT
           (SELECT count(*) FROM answer_feedback WHERE rating = 'up' AND updated_at >= $1 AND updated_at < $2) AS up,
           (SELECT count(*) FROM answer_feedback WHERE rating = 'down' AND updated_at >= $1 AND updated_at < $2) AS down,
           r.ratings, r.satisfied, r.rating_sum
         FROM (SELECT count(*) AS ratings, count(*) FILTER (WHERE rating >= 4) AS satisfied, coalesce(sum(rating), 0) AS rating_sum
               FROM handoff_ratings WHERE created_at >= $1 AND created_at < $2) r`,
        params(range),
      );
      const row = rows[0];
      return { up: num(row?.up), down: num(row?.down), ratings: num(row?.ratings), satisfiedRatings: num(row?.satisfied), ratingSum: num(row?.rating_sum) };
    },
    async dossierLookups(range) {
      const { rows } = await db.query<{ day: string; lookups: number | string; found: number | string }>(
        `SELECT ${day('at')} AS day, count(*) AS lookups, count(*) FILTER (WHERE outcome = 'found') AS found
         FROM dossier_lookups WHERE action = 'lookup' AND outcome IN ('found', 'not_found', 'unavailable') AND at >= $1 AND at < $2
         GROUP BY 1 ORDER BY 1`,
        params(range),
      );
      return rows.map((r) => ({ day: r.day, lookups: num(r.lookups), found: num(r.found) }));
    },
    async backlog() {
      const { rows } = await db.query<{ waiting: number | string; pending: number | string }>(
        `SELECT (SELECT count(*) FROM handoff_tickets WHERE state = 'waiting_officer') AS waiting,
                (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending`,
      );
      return { waitingTickets: num(rows[0]?.waiting), outboxPending: num(rows[0]?.pending) };
    },
  };
}
