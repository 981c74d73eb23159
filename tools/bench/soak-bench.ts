/**
 * Soak benchmark (`npm run bench -- soak [--seconds N]`, default 300 s): the server as `npm start`
 * runs it (`node --import tsx main.ts`, PGlite in a fresh data folder, or PostgreSQL when
 * DATABASE_URL is set — a fresh schema of it), on loopback only, under a bounded mixed load:
 * citizen turns, dossier lookups, citizen event streams held open for a few seconds, and officers'
 * whole handoffs (a citizen asks for an officer; claim, reply, the citizen answers, close) with
 * the console's event stream open throughout. Virtual citizens come from 2,000 addresses of the
 * benchmark range 198.18.0.0/15 (X-Forwarded-For, which the server trusts from loopback), so the
 * per-client limits stay on and are part of what is measured (429s are counted, not errors).
 * The server's RSS is sampled every 5 s. At the end the server is killed with SIGKILL under load,
 * restarted on the same data, stopped, and every acknowledged citizen turn (its message and its
 * stored replies) is looked up in the database: `lost` must be 0. Prints its figures; it asserts
 * nothing (timings are not test material).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../adapters/sql/db/open-db.ts';
import { createPostgresSchema } from '../../adapters/sql/db/scratch-schema.ts';
import { freePort } from './free-port.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OFFICER = { username: 'soak-giam-sat', password: 'mat-khau-soak-bench-1' };
const WORKERS = 8;
const OFFICER_WORKERS = 2;
const MAX_OPEN_STREAMS = 40;
const RSS_EVERY_MS = 5_000;

const QUESTIONS = [
  'làm hộ chiếu cần giấy tờ gì',
  'lệ phí cấp hộ chiếu bao nhiêu',
  'Hồ sơ đăng ký khai sinh gồm những gì?',
  'Đăng ký khai sinh bao lâu thì xong?',
  'le phi dang ky ket hon',
  'Muốn đăng ký kết hôn thì nộp hồ sơ ở đâu?',
  'phí cấp phiếu lý lịch tư pháp',
  'đăng ký thường trú cần gì',
  'chứng thực bản sao mất bao nhiêu tiền',
  'xin chào',
];

/** The parts of the answers the soak reads. */
interface Answer {
  conversationId?: string;
  messageIds?: number[];
  handoff?: { ticketId?: string } | null;
  token?: string;
}

interface Ack {
  conversationId: string;
  text: string;
  messageIds: number[];
}

interface Stats {
  latencies: Record<string, number[]>;
  errors: Record<string, number>;
  limited: number;
  acks: Ack[];
  streamsOpened: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** The server's resident memory (Linux /proc), in MB. */
function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? round(Number(line.replace(/\D+/g, '')) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) return { url, child, output: () => output };
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`server not healthy within 180 s: ${output}`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** One virtual citizen: an address of 198.18.0.0/15 and the conversation it is in. */
interface Citizen {
  ip: string;
  conversationId?: string;
}

export async function runSoakBench(argv: string[] = []): Promise<Record<string, number>> {
  const secondsArg = argv.indexOf('--seconds');
  const seconds = secondsArg >= 0 ? Number(argv[secondsArg + 1]) : 300;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds N: a positive number of seconds');

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tlt-soak-'));
  const postgres = process.env.DATABASE_URL ? await createPostgresSchema(process.env.DATABASE_URL) : null;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    OFFICE_HOURS: 'always',
    OFFICER_BOOTSTRAP_USER: OFFICER.username,
    OFFICER_BOOTSTRAP_PASSWORD: OFFICER.password,
    ...(postgres ? { DATABASE_URL: postgres.databaseUrl } : {}),
  };
  const citizens: Citizen[] = Array.from({ length: 2000 }, (_, i) => ({ ip: `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}` }));
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const stats: Stats = { latencies: {}, errors: {}, limited: 0, acks: [], streamsOpened: 0 };
  const time = (kind: string, ms: number) => (stats.latencies[kind] ??= []).push(ms);
  const fail = (kind: string) => (stats.errors[kind] = (stats.errors[kind] ?? 0) + 1);

  console.log(`soak: ${seconds} s on ${postgres ? 'PostgreSQL' : 'PGlite'} (data ${dataDir}); starting the server…`);
  let server = await startServer(env);
  const pid = server.child.pid!;
  let sequence = 0;
  let running = true;
  let openStreams = 0;

  /** One request; 429 counts as limited, any other non-2xx or network failure as an error of `kind`. */
  async function request(kind: string, url: string, init: RequestInit, ip: string): Promise<Answer | null> {
    const started = performance.now();
    try {
      const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(init.headers as Record<string, string>) } });
      const body = (await response.json().catch(() => null)) as Answer | null;
      if (response.status === 429) {
        stats.limited += 1;
        return null;
      }
      if (!response.ok) {
        if (running) fail(kind);
        return null;
      }
      time(kind, performance.now() - started);
      return body;
    } catch {
      if (running) fail(kind);
      return null;
    }
  }

  async function turn(citizen: Citizen, text: string, kind = 'chat'): Promise<Answer | null> {
    const numbered = `${text} (#${(sequence += 1)})`;
    const body = await request(kind, `${server.url}/api/chat`, { method: 'POST', body: JSON.stringify({ text: numbered, ...(citizen.conversationId ? { conversationId: citizen.conversationId } : {}) }) }, citizen.ip);
    if (body?.conversationId) {
      citizen.conversationId = body.conversationId;
      stats.acks.push({ conversationId: body.conversationId, text: numbered, messageIds: body.messageIds ?? [] });
    }
    return body;
  }

  async function holdStream(citizen: Citizen): Promise<void> {
    if (!citizen.conversationId || openStreams >= MAX_OPEN_STREAMS) return;
    openStreams += 1;
    const controller = new AbortController();
    const started = performance.now();
    try {
      const response = await fetch(`${server.url}/api/chat/${citizen.conversationId}/events`, { headers: { 'x-forwarded-for': citizen.ip }, signal: controller.signal });
      if (response.status === 429) stats.limited += 1;
      else if (response.status !== 200) fail('stream');
      else {
        time('stream_open', performance.now() - started);
        stats.streamsOpened += 1;
        const reader = response.body!.getReader();
        const until = Date.now() + 2000 + Math.random() * 6000;
        while (running && Date.now() < until) {
          const next = await Promise.race([reader.read(), sleep(until - Date.now()).then(() => null)]);
          if (next?.done) break;
        }
      }
    } catch {
      if (running) fail('stream');
    } finally {
      controller.abort();
      openStreams -= 1;
    }
  }

  async function citizenWorker(): Promise<void> {
    while (running) {
      const citizen = pick(citizens);
      const roll = Math.random();
      if (roll < 0.65) {
        if (Math.random() < 0.25) citizen.conversationId = undefined; // a fresh conversation now and then
        await turn(citizen, pick(QUESTIONS));
      } else if (roll < 0.85) {
        const lookup: Citizen = { ip: citizen.ip };
        await turn(lookup, `tra cứu hồ sơ 000.00.00.DEMO-250101-000${1 + Math.floor(Math.random() * 8)}`, 'lookup');
      } else {
        void holdStream(citizen);
        await sleep(50);
      }
    }
  }

  async function officerWorker(auth: Record<string, string>, ip: string): Promise<void> {
    while (running) {
      const citizen: Citizen = { ip: pick(citizens).ip };
      const asked = await turn(citizen, 'cho tôi gặp cán bộ', 'handoff');
      const ticketId = asked?.handoff?.ticketId;
      if (!ticketId) {
        await sleep(100);
        continue;
      }
      const base = `${server.url}/api/officer/tickets/${ticketId}`;
      const officer = (kind: string, suffix: string, body?: unknown) =>
        request(kind, `${base}${suffix}`, { method: 'POST', headers: auth, ...(body ? { body: JSON.stringify(body) } : {}) }, ip);
      if (!(await officer('officer_claim', '/claim'))) continue;
      await officer('officer_reply', '/messages', { text: 'Chào bạn, cán bộ đã tiếp nhận yêu cầu.' });
      await turn(citizen, 'Dạ em cảm ơn ạ', 'chat');
      await request('officer_queue', `${server.url}/api/officer/queue`, { method: 'GET', headers: auth }, ip);
      await officer('officer_close', '/close', { reason: 'resolved' });
    }
  }

  // Officers sign in (from their office's address) and keep the console's stream open.
  const officerIp = '198.19.0.10';
  const login = await request('officer_login', `${server.url}/api/officer/login`, { method: 'POST', body: JSON.stringify(OFFICER) }, officerIp);
  if (!login?.token) throw new Error(`officer login failed: ${server.output()}`);
  const auth = { authorization: `Bearer ${login.token}` };
  const consoleStream = new AbortController();
  void fetch(`${server.url}/api/officer/events`, { headers: { ...auth, 'x-forwarded-for': officerIp }, signal: consoleStream.signal })
    .then((response) => response.body?.pipeTo(new WritableStream()))
    .catch(() => undefined);

  const rss: Array<{ at: number; mb: number }> = [{ at: 0, mb: rssMb(pid) }];
  const started = performance.now();
  const sampler = setInterval(() => {
    const sample = { at: round((performance.now() - started) / 1000, 0), mb: rssMb(pid) };
    rss.push(sample);
    const done = stats.acks.length;
    console.log(`  ${String(sample.at).padStart(4)} s  RSS ${sample.mb} MB  acknowledged turns ${done}  errors ${Object.values(stats.errors).reduce((a, b) => a + b, 0)}  limited ${stats.limited}`);
  }, RSS_EVERY_MS);

  const workers = [...Array.from({ length: WORKERS }, () => citizenWorker()), ...Array.from({ length: OFFICER_WORKERS }, () => officerWorker(auth, officerIp))];
  await sleep(seconds * 1000);

  // kill -9 under load: whatever was acknowledged before must survive.
  clearInterval(sampler);
  const elapsed = (performance.now() - started) / 1000;
  const requests = Object.values(stats.latencies).reduce((sum, list) => sum + list.length, 0);
  const errorCount = Object.values(stats.errors).reduce((a, b) => a + b, 0);
  rss.push({ at: round(elapsed, 0), mb: rssMb(pid) });
  const acknowledged = [...stats.acks];
  server.child.kill('SIGKILL');
  running = false;
  consoleStream.abort();
  await exited(server.child);
  await Promise.allSettled(workers);

  console.log('soak: server killed (SIGKILL); restarting on the same data…');
  const restartStarted = performance.now();
  server = await startServer(env);
  const restartSeconds = (performance.now() - restartStarted) / 1000;
  server.child.kill('SIGTERM');
  await exited(server.child);

  const db = await openDb({ dataDir, ...(postgres ? { databaseUrl: postgres.databaseUrl } : {}) });
  let lost = 0;
  try {
    const stored = new Set((await db.query<{ id: number | string }>('SELECT id FROM messages')).rows.map((row) => Number(row.id)));
    const citizenTexts = new Set((await db.query<{ key: string }>(`SELECT conversation_id || '|' || text AS key FROM messages WHERE author = 'citizen'`)).rows.map((row) => row.key));
    for (const ack of acknowledged) {
      if (!citizenTexts.has(`${ack.conversationId}|${ack.text}`) || ack.messageIds.some((id) => !stored.has(id))) lost += 1;
    }
  } finally {
    await db.close();
    await postgres?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }

  const all = Object.values(stats.latencies).flat();
  const results: Record<string, number> = {
    seconds: round(elapsed),
    requests_ok: requests,
    requests_per_s: round(requests / elapsed),
    p50_ms: round(percentile(all, 50)),
    p99_ms: round(percentile(all, 99)),
    errors: errorCount,
    limited_429: stats.limited,
    streams_opened: stats.streamsOpened,
  };
  for (const [kind, list] of Object.entries(stats.latencies).sort()) {
    results[`${kind}_n`] = list.length;
    results[`${kind}_p50_ms`] = round(percentile(list, 50));
    results[`${kind}_p99_ms`] = round(percentile(list, 99));
  }
  for (const [kind, count] of Object.entries(stats.errors)) results[`errors_${kind}`] = count;
  const first = rss[0]!.mb;
  const last = rss.at(-1)!.mb;
  const tail = rss.filter((sample) => sample.at >= elapsed / 2).map((s) => s.mb);
  // A leak raises the floor the garbage collector comes back to: compare the lowest RSS of the
  // middle third with the lowest of the last third (the first third is the warm-up).
  const floor = (from: number, to: number) => Math.min(...rss.filter((s) => s.at >= from * elapsed && s.at <= to * elapsed).map((s) => s.mb));
  const floorGrowth = round(floor(2 / 3, 1) - floor(1 / 3, 2 / 3));
  Object.assign(results, {
    rss_first_mb: first,
    rss_peak_mb: Math.max(...rss.map((s) => s.mb)),
    rss_last_mb: last,
    rss_second_half_min_mb: Math.min(...tail),
    rss_second_half_max_mb: Math.max(...tail),
    rss_floor_growth_mb: floorGrowth,
    acknowledged_turns: acknowledged.length,
    lost,
    restart_s: round(restartSeconds),
  });
  console.log(`RSS samples (s → MB): ${rss.map((s) => `${s.at}→${s.mb}`).join(' ')}`);
  console.log(`RSS floor: middle third ${floor(1 / 3, 2 / 3)} MB → last third ${floor(2 / 3, 1)} MB (${floorGrowth >= 0 ? '+' : ''}${floorGrowth} MB)`);
  console.log(`lost = ${lost} of ${acknowledged.length} acknowledged turns after kill -9 and restart`);
  return results;
}
