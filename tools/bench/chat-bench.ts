/**
 * Chat benchmark: the assistant as `npm start` wires it (bundled catalog, lexical retriever, bot
 * core, in-memory PGlite), started in-process on a loopback port, then
 *  1. turn latency — ~300 sequential POST /api/chat turns replaying the dev dialogs
 *     (../shared/eval/dev.jsonl; a built-in list of questions when it is absent), each dialog in
 *     its own conversation, timed from request to parsed JSON;
 *  2. sustained throughput — autocannon, 10 s at 20 connections, every request a fresh
 *     conversation (a conversation's turns are version-checked, so concurrent turns on one
 *     conversation would conflict). autocannon runs in a child process so the load generator
 *     does not share the server's event loop (in a worker thread autocannon reports raw
 *     histograms instead of its summary).
 * BENCH_DB=postgres runs the same against PostgreSQL (TEST_DATABASE_URL, a fresh schema) instead;
 * BENCH_CATALOG=full loads the shipped national catalog beside the bundled one, as `npm start` does.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { openPostgresDb } from '../../adapters/sql/db/postgres-db.ts';
import type { Db } from '../../adapters/sql/db/db.ts';
import { parseDevJsonl } from '../eval/dev-eval-core.ts';
import { NO_CLIENT_LIMITS, startLocalServer } from '../../deps/local-server.ts';
import { createPostgresSchema } from '../../adapters/sql/db/scratch-schema.ts';

const DEV_FILE = new URL('../../../shared/eval/dev.jsonl', import.meta.url);
const SEQUENTIAL_TURNS = 300;
const WARM_UP_TURNS = 30;
const LOAD_SECONDS = 10;
const LOAD_CONNECTIONS = 20;

/** Used when the dev set is absent: one question per dialog. */
const BUILT_IN_QUESTIONS = [
  'làm hộ chiếu cần giấy tờ gì',
  'lệ phí cấp hộ chiếu bao nhiêu',
  'Hồ sơ đăng ký khai sinh gồm những gì?',
  'Đăng ký khai sinh bao lâu thì xong?',
  'le phi dang ky ket hon',
  'Muốn đăng ký kết hôn thì nộp hồ sơ ở đâu?',
  'Thủ tục đăng ký khai tử cần những giấy tờ nào?',
  'phí cấp phiếu lý lịch tư pháp',
  'bao nhieu ngay thi co ly lich tu phap',
  'đăng ký thường trú cần gì',
  'cấp đổi giấy phép lái xe',
  'chứng thực bản sao mất bao nhiêu tiền',
  'xin chào',
  'cảm ơn',
  'tôi muốn gặp cán bộ',
];

/** Dialogs of question texts, in order. */
function loadDialogs(): { dialogs: string[][]; source: string } {
  if (existsSync(DEV_FILE)) {
    const dialogs = parseDevJsonl(readFileSync(DEV_FILE, 'utf8')).map((d) => d.turns.map((t) => t.text));
    if (dialogs.length > 0) return { dialogs, source: 'shared/eval/dev.jsonl' };
  }
  return { dialogs: BUILT_IN_QUESTIONS.map((q) => [q]), source: 'built-in questions (shared/eval/dev.jsonl absent)' };
}

/** In-memory PGlite (what `npm start` uses without DATABASE_URL), or PostgreSQL on request. */
async function openBenchDb(): Promise<{ db: Db; name: string; dispose(): Promise<void> }> {
  if (process.env.BENCH_DB === 'postgres') {
    const schema = await createPostgresSchema();
    const db = await openPostgresDb(schema.databaseUrl);
    return { db, name: 'PostgreSQL', dispose: async () => { await db.close(); await schema.drop(); } };
  }
  const db = await openPgliteDb(null);
  return { db, name: 'PGlite in memory', dispose: () => db.close() };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function postTurn(url: string, text: string, conversationId?: string): Promise<string> {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...(conversationId ? { conversationId } : {}) }),
  });
  const body = (await response.json()) as { conversationId?: string };
  if (response.status !== 200 || !body.conversationId) throw new Error(`POST /api/chat → ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return body.conversationId;
}

/** Plays whole dialogs (each in a fresh conversation) until `turns` turns; returns each turn's ms. */
async function sequentialTurns(url: string, dialogs: string[][], turns: number): Promise<number[]> {
  const latencies: number[] = [];
  while (latencies.length < turns) {
    for (const dialog of dialogs) {
      let conversationId: string | undefined;
      for (const text of dialog) {
        if (latencies.length >= turns) return latencies;
        const started = performance.now();
        conversationId = await postTurn(url, text, conversationId);
        latencies.push(performance.now() - started);
      }
    }
  }
  return latencies;
}

interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  p50: number;
  p97_5: number;
  p99: number;
}

/** autocannon in a child process (plain CommonJS, no loader); options in, summary out as JSON. */
const LOAD_SCRIPT = `
const workerData = JSON.parse(process.env.CHAT_BENCH_LOAD);
const autocannon = require(workerData.autocannonPath);
const reply = (message) => process.stdout.write(JSON.stringify(message));
let next = 0;
autocannon({
  url: workerData.url,
  connections: workerData.connections,
  duration: workerData.seconds,
  requests: [{
    method: 'POST',
    path: '/api/chat',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: workerData.bodies[next++ % workerData.bodies.length] }),
  }],
}).then((r) => reply({
  ok: r['2xx'], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, durationSeconds: r.duration,
  p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99,
}), (error) => reply({ error: String(error && error.stack || error) }));
`;

function sustainedLoad(url: string, texts: string[]): Promise<LoadResult> {
  const autocannonPath = createRequire(import.meta.url).resolve('autocannon');
  // No conversationId: every request opens a fresh conversation.
  const bodies = texts.map((text) => JSON.stringify({ text }));
  const options = { autocannonPath, url, connections: LOAD_CONNECTIONS, seconds: LOAD_SECONDS, bodies };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_SCRIPT], {
      env: { ...process.env, CHAT_BENCH_LOAD: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      try {
        const message = JSON.parse(output) as LoadResult | { error: string };
        if ('error' in message) reject(new Error(`autocannon: ${message.error}`));
        else resolve(message);
      } catch {
        reject(new Error(`autocannon process exited with code ${code} and no result`));
      }
    });
  });
}

export async function runChatBench(): Promise<Record<string, number>> {
  const { dialogs, source } = loadDialogs();
  const texts = dialogs.flat();
  console.log(`chat bench: questions from ${source} (${dialogs.length} dialogs, ${texts.length} turns)`);

  const startupStarted = performance.now();
  const database = await openBenchDb();
  const db = database.db;
  console.log(`chat bench: database ${database.name}`);
  await migrate(db);
  const catalog = process.env.BENCH_CATALOG === 'full' ? 'full' : 'curated';
  console.log(`chat bench: catalog ${catalog}`);
  const app = await startLocalServer({ db, config: { catalog, ...NO_CLIENT_LIMITS } });
  try {
    const startupMs = performance.now() - startupStarted;

    await sequentialTurns(app.url, dialogs, WARM_UP_TURNS);
    const latencies = await sequentialTurns(app.url, dialogs, SEQUENTIAL_TURNS);
    const sorted = [...latencies].sort((a, b) => a - b);
    const mean = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;

    const load = await sustainedLoad(app.url, texts);
    const turnsPerSecond = load.ok / load.durationSeconds;

    const results: Record<string, number> = {
      startup_ms: round(startupMs, 0),
      sequential_turns: latencies.length,
      p50_ms: round(percentile(sorted, 50)),
      p95_ms: round(percentile(sorted, 95)),
      p99_ms: round(percentile(sorted, 99)),
      max_ms: round(sorted[sorted.length - 1] ?? Number.NaN),
      mean_ms: round(mean),
      load_connections: LOAD_CONNECTIONS,
      load_seconds: round(load.durationSeconds),
      turns_per_s: round(turnsPerSecond, 1),
      load_p50_ms: load.p50,
      load_p97_5_ms: load.p97_5,
      load_p99_ms: load.p99,
      load_non2xx: load.non2xx,
      load_errors: load.errors + load.timeouts,
    };
    console.table({
      'sequential turns': { n: latencies.length, p50_ms: results.p50_ms, p95_ms: results.p95_ms, p99_ms: results.p99_ms, max_ms: results.max_ms, 'turns/s': round(1000 / mean, 1) },
      [`autocannon ${LOAD_CONNECTIONS} conn × ${LOAD_SECONDS} s`]: { n: load.ok, p50_ms: load.p50, p95_ms: '—', p99_ms: load.p99, max_ms: '—', 'turns/s': results.turns_per_s },
    });
    if (load.non2xx > 0 || load.errors + load.timeouts > 0) {
      console.warn(`chat bench: under load ${load.non2xx} non-2xx responses, ${load.errors} errors, ${load.timeouts} timeouts`);
    }
    return results;
  } finally {
    await app.close();
    await database.dispose();
  }
}
