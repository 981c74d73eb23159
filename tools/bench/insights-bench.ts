/**
 * Insights benchmark: a month of synthetic history (20,000 conversations, 100,000 questions with
 * their answers, 2,000 tickets, 10,000 ratings of answers, 10,000 dossier lookups) written
 * straight into an in-memory PGlite (or PostgreSQL with BENCH_DB=postgres), then the supervisors'
 * 30-day report (`buildInsights`) timed: the first run and the median of the next five.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../adapters/sql/db/db.ts';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { openPostgresDb } from '../../adapters/sql/db/postgres-db.ts';
import { createPostgresSchema } from '../../adapters/sql/db/scratch-schema.ts';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { createSqlInsightStore } from '../../adapters/sql/sql-insight-store.ts';
import { buildInsights } from '../../bot/insights/insights.ts';

const CONVERSATIONS = 20_000;
const QUESTIONS = 100_000;
const START = '2026-11-01T00:00:00+07:00';
const RANGE = { from: '2026-11-01', to: '2026-11-30' };

export async function seed(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO conversations (id, channel, created_at)
     SELECT 'c' || g, CASE WHEN g % 3 = 0 THEN 'zalo' ELSE 'webchat' END, $1::timestamptz + g * interval '2 minutes'
     FROM generate_series(1, $2::int) g`,
    [START, CONVERSATIONS],
  );
  await db.query(
    `INSERT INTO messages (conversation_id, author, text, created_at)
     SELECT 'c' || (g % $2::int + 1), 'citizen', 'câu hỏi số ' || (g % 700), $1::timestamptz + (g % $2::int + 1) * interval '2 minutes' + (g / $2::int) * interval '10 seconds'
     FROM generate_series(1, $3::int) g`,
    [START, CONVERSATIONS, QUESTIONS],
  );
  await db.query(
    `INSERT INTO messages (conversation_id, author, text, intent, procedure_code, reply_to, outcome, confidence, created_at)
     SELECT conversation_id, 'bot', 'trả lời',
            (ARRAY['documents', 'fee', 'overview', 'out_of_scope', 'fallback'])[id % 5 + 1],
            CASE WHEN id % 5 < 3 THEN '1.00' || (id % 40) END, id,
            (ARRAY['answered', 'answered', 'clarify', 'out_of_scope', 'not_found'])[id % 5 + 1],
            (id % 10) / 10.0, created_at + interval '1 second'
     FROM messages WHERE author = 'citizen'`,
  );
  await db.query(
    `INSERT INTO answer_feedback (message_id, conversation_id, rating, updated_at)
     SELECT id, conversation_id, CASE WHEN id % 3 = 0 THEN 'down' ELSE 'up' END, created_at FROM messages
     WHERE author = 'bot' AND id % 10 = 0`,
  );
  await db.query(
    `INSERT INTO handoff_tickets (id, conversation_id, channel, state, trigger, created_at, first_claimed_at, claimed_at, closed_at)
     SELECT 't' || g, 'c' || (g * 10), 'webchat', 'closed', 'citizen_request', c.created_at + interval '1 minute',
            c.created_at + (g % 30 + 1) * interval '1 minute', c.created_at + (g % 30 + 1) * interval '1 minute', c.created_at + interval '2 hours'
     FROM generate_series(1, $1::int) g JOIN conversations c ON c.id = 'c' || (g * 10)`,
    [CONVERSATIONS / 10],
  );
  await db.query(
    `INSERT INTO messages (conversation_id, author, text, created_at)
     SELECT conversation_id, 'officer', 'chào', first_claimed_at + interval '30 seconds' FROM handoff_tickets`,
  );
  await db.query(
    `INSERT INTO dossier_lookups (at, action, outcome, code, conversation_id, channel)
     SELECT $1::timestamptz + g * interval '4 minutes', 'lookup', CASE WHEN g % 4 = 0 THEN 'not_found' ELSE 'found' END, 'X', 'c1', 'webchat'
     FROM generate_series(1, 10000) g`,
    [START],
  );
  await db.exec('ANALYZE');
}

export async function runInsightsBench(): Promise<Record<string, number>> {
  const postgres = process.env.BENCH_DB === 'postgres' ? await createPostgresSchema() : null;
  const db = postgres ? await openPostgresDb(postgres.databaseUrl) : await openPgliteDb(null);
  try {
    await migrate(db);
    const seeded = performance.now();
    await seed(db);
    const seedMs = performance.now() - seeded;
    const store = createSqlInsightStore(db);
    const time = async () => {
      const started = performance.now();
      const report = await buildInsights(store, RANGE);
      if (report.totals.questions !== QUESTIONS) throw new Error(`expected ${QUESTIONS} questions, got ${report.totals.questions}`);
      return performance.now() - started;
    };
    const first = await time();
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) runs.push(await time());
    runs.sort((a, b) => a - b);
    return { seed_ms: Math.round(seedMs), report_first_ms: Math.round(first), report_median_ms: Math.round(runs[2]!) };
  } finally {
    await db.close();
    await postgres?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runInsightsBench());
}
