/**
 * Direct Line benchmark: the assistant as `npm start` wires it with DIRECTLINE_SECRET set
 * (curated catalog, lexical retriever, in-memory PGlite), on a loopback port, then
 *  1. turn latency over the portal's own path — a conversation token, a WebSocket on its
 *     streamUrl, then sequential POST …/activities; timed from the POST to the bot's answer
 *     arriving on the socket (the POST's answer, the store read and the push included);
 *  2. open streams — many idle sockets on as many conversations: the server's heap and RSS growth
 *     per socket (each socket re-reads its conversation every 3 s, counted in the time it runs).
 */
import WebSocket from 'ws';
import { migrate } from '../../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../../adapters/sql/db/pglite-db.ts';
import { NO_CLIENT_LIMITS, startLocalServer } from '../../deps/local-server.ts';

const SECRET = 'bench-directline-secret-0123456789abcdef';
const TURNS = 200;
const WARM_UP = 20;
const IDLE_SOCKETS = 300;
const QUESTIONS = ['lệ phí cấp hộ chiếu', 'làm hộ chiếu cần giấy tờ gì', 'đăng ký khai sinh bao lâu', 'phí cấp phiếu lý lịch tư pháp', 'đăng ký thường trú cần gì'];

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** What the Direct Line calls used here answer (each uses its own fields). */
interface DirectLineAnswer {
  token: string;
  conversationId: string;
  streamUrl: string;
}

async function json(url: string, token: string, body?: unknown): Promise<DirectLineAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as DirectLineAnswer;
}

/** A conversation with its stream open; `answer(text)` resolves when the bot's reply to it arrives. */
async function openConversation(base: string) {
  const { token } = await json(`${base}/v3/directline/tokens/generate`, SECRET, { user: { id: 'bench' } });
  const started = await json(`${base}/v3/directline/conversations`, token);
  const socket = new WebSocket(started.streamUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let waiting: ((at: number) => void) | null = null;
  socket.on('message', (raw) => {
    const set = JSON.parse(String(raw)) as { activities: Array<{ from: { role: string } }> };
    if (set.activities.some((activity) => activity.from.role === 'bot')) waiting?.(performance.now());
  });
  return {
    socket,
    async answer(text: string): Promise<number> {
      const sent = performance.now();
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      await json(`${base}/v3/directline/conversations/${started.conversationId}/activities`, token, { type: 'message', text, from: { id: 'bench' } });
      const at = await arrived;
      waiting = null;
      return at - sent;
    },
  };
}

export async function runDirectlineBench(): Promise<Record<string, number>> {
  const db = await openPgliteDb(null);
  await migrate(db);
  const app = await startLocalServer({ db, config: { catalog: 'curated', directlineSecret: SECRET, ...NO_CLIENT_LIMITS } });
  const sockets: WebSocket[] = [];
  try {
    const conversation = await openConversation(app.url);
    sockets.push(conversation.socket);
    for (let i = 0; i < WARM_UP; i += 1) await conversation.answer(QUESTIONS[i % QUESTIONS.length]!);
    const latencies: number[] = [];
    for (let i = 0; i < TURNS; i += 1) latencies.push(await conversation.answer(QUESTIONS[i % QUESTIONS.length]!));
    const sorted = [...latencies].sort((a, b) => a - b);

    global.gc?.();
    const before = process.memoryUsage();
    for (let i = 0; i < IDLE_SOCKETS; i += 1) sockets.push((await openConversation(app.url)).socket);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    global.gc?.();
    const after = process.memoryUsage();

    const results = {
      turns: TURNS,
      post_to_stream_p50_ms: round(percentile(sorted, 50)),
      post_to_stream_p95_ms: round(percentile(sorted, 95)),
      post_to_stream_max_ms: round(sorted.at(-1) ?? Number.NaN),
      idle_sockets: IDLE_SOCKETS,
      heap_kb_per_socket: round((after.heapUsed - before.heapUsed) / 1024 / IDLE_SOCKETS, 1),
      rss_kb_per_socket: round((after.rss - before.rss) / 1024 / IDLE_SOCKETS, 1),
    };
    console.log('directline bench (client and server in one process; the socket figures include both ends):', results);
    return results;
  } finally {
    for (const socket of sockets) socket.terminate();
    await app.close();
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runDirectlineBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
