/**
 * Hostile bytes on every route (issue 13, finding 7), on PGlite and PostgreSQL: NUL and other
 * control characters in bodies and paths, malformed percent-encoding in paths and cookies,
 * corrupt gzip/deflate/br bodies — each answered 4xx in the error shape, none 5xx, and nothing
 * written (the waiting ticket is not taken over, no message, account or dossier appears).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import { parseDossierFile } from '../../../knowledge/dossiers/dossier-file.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';
import { chat, login } from '../../support/officer-app.ts';
import { startTestApp } from '../../support/test-app.ts';

const TOKEN = 'test-integration-token-0123456789';
const PASSWORD = 'mat-khau-rat-dai-1';
const BAD_PERCENT = '%E0%A4%A';
const NUL = '\u0000';

interface Probe {
  name: string;
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

async function start(db: TestDatabase['db']) {
  const app = await startTestApp({ db, config: { integrationToken: TOKEN } });
  return { url: app.url, officer: app.deps.officer, close: () => app.close() };
}

describe.each(DB_FACTORIES)('hostile input on every route on $name', (factory) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof start>>;
  let auth: Record<string, string>;
  let ticketId: string;
  let conversationId: string;

  beforeAll(async () => {
    database = await factory.create();
    app = await start(database.db);
    await app.officer.accounts.create({ username: 'giamsat', password: PASSWORD, role: 'supervisor' });
    auth = (await login(app.url, 'giamsat', PASSWORD)).auth;
    const first = await chat(app.url, 'đăng ký khai sinh cần giấy tờ gì');
    const handoff = await chat(app.url, 'cho tôi gặp cán bộ', first.conversationId);
    conversationId = first.conversationId;
    ticketId = handoff.handoff.ticketId;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  /** Row counts and the ticket's state: what a refused request must leave as it was. */
  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const table of ['conversations', 'messages', 'handoff_tickets', 'officer_accounts', 'dossiers', 'dossier_history', 'dossier_subscriptions', 'handoff_ratings']) {
      const { rows } = await database.db.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table] = Number(rows[0]?.n);
    }
    const { rows } = await database.db.query('SELECT state, officer_id, version FROM handoff_tickets WHERE id = $1', [ticketId]);
    return { counts, ticket: rows[0] };
  }

  function probes(): Probe[] {
    const json = (value: unknown) => JSON.stringify(value);
    const jsonHeaders = { 'content-type': 'application/json' };
    const officer = { ...jsonHeaders, ...auth };
    const integration = { ...jsonHeaders, authorization: `Bearer ${TOKEN}` };
    const dossier = {
      procedureCode: '1.001193',
      receivedAt: '2025-03-03',
      dueAt: '2025-03-07',
      status: 'need_supplement',
      note: 'Bản sao giấy chứng sinh',
      applicant: { name: 'Lê Văn Công', phone: '0901234567' },
    };
    const list: Probe[] = [];
    // NUL and other control characters in every string field of every body.
    for (const bad of [NUL, '\u0007', `${NUL}${NUL}`]) {
      const tag = JSON.stringify(bad);
      list.push(
        { name: `chat text ${tag}`, method: 'POST', path: '/api/chat', body: json({ text: `xin chào${bad}` }), headers: jsonHeaders },
        { name: `chat payload ${tag}`, method: 'POST', path: '/api/chat', body: json({ text: 'xin chào', payload: `rate:5${bad}` }), headers: jsonHeaders },
        { name: `chat conversationId ${tag}`, method: 'POST', path: '/api/chat', body: json({ text: 'xin chào', conversationId: `abc${bad}` }), headers: jsonHeaders },
        { name: `login username ${tag}`, method: 'POST', path: '/api/officer/login', body: json({ username: `giamsat${bad}`, password: PASSWORD }), headers: jsonHeaders },
        { name: `login password ${tag}`, method: 'POST', path: '/api/officer/login', body: json({ username: 'giamsat', password: `${PASSWORD}${bad}` }), headers: jsonHeaders },
        { name: `officer message ${tag}`, method: 'POST', path: `/api/officer/tickets/${ticketId}/messages`, body: json({ text: `Chào bạn${bad}` }), headers: officer },
        { name: `transfer ${tag}`, method: 'POST', path: `/api/officer/tickets/${ticketId}/transfer`, body: json({ officerId: `x${bad}` }), headers: officer },
        { name: `close ${tag}`, method: 'POST', path: `/api/officer/tickets/${ticketId}/close`, body: json({ reason: `resolved${bad}` }), headers: officer },
        { name: `account username ${tag}`, method: 'POST', path: '/api/officer/accounts', body: json({ username: `canbo${bad}`, password: PASSWORD, role: 'officer' }), headers: officer },
        { name: `account displayName ${tag}`, method: 'POST', path: '/api/officer/accounts', body: json({ username: 'canbo.moi', displayName: `Cán bộ${bad}`, password: PASSWORD, role: 'officer' }), headers: officer },
        { name: `account sector ${tag}`, method: 'POST', path: '/api/officer/accounts', body: json({ username: 'canbo.moi2', password: PASSWORD, role: 'officer', sectors: [`Hộ tịch${bad}`] }), headers: officer },
      );
      for (const [field, value] of [
        ['procedureCode', { procedureCode: `1.001193${bad}` }],
        ['procedureName', { procedureName: `Đăng ký khai sinh${bad}` }],
        ['step', { step: `Thẩm định${bad}` }],
        ['agency', { agency: `UBND phường${bad}` }],
        ['note', { note: `Bản sao${bad}` }],
        ['applicant.name', { applicant: { name: `Lê Văn Công${bad}`, phone: '0901234567' } }],
      ] as const) {
        list.push({ name: `dossier ${field} ${tag}`, method: 'PUT', path: '/api/integration/dossiers/000.00.19.H53-250303-0601', body: json({ ...dossier, ...value }), headers: integration });
      }
    }
    // NUL and malformed percent-encoding in every path parameter, and in a query.
    for (const bad of ['%00', BAD_PERCENT, `a${BAD_PERCENT}b`, '%']) {
      list.push(
        { name: `procedure code ${bad}`, method: 'GET', path: `/api/procedures/${bad}` },
        { name: `search q ${bad}`, method: 'GET', path: `/api/procedures/search?q=${bad}` },
        { name: `events ${bad}`, method: 'GET', path: `/api/chat/${bad}/events` },
        { name: `ticket ${bad}`, method: 'GET', path: `/api/officer/tickets/${bad}`, headers: auth },
        { name: `claim ${bad}`, method: 'POST', path: `/api/officer/tickets/${bad}/claim`, headers: auth },
        { name: `message ${bad}`, method: 'POST', path: `/api/officer/tickets/${bad}/messages`, body: json({ text: 'Chào bạn' }), headers: { ...jsonHeaders, ...auth } },
        { name: `dossier GET ${bad}`, method: 'GET', path: `/api/integration/dossiers/${bad}`, headers: { authorization: `Bearer ${TOKEN}` } },
        { name: `dossier PUT ${bad}`, method: 'PUT', path: `/api/integration/dossiers/${bad}`, body: json(dossier), headers: integration },
        { name: `unknown path ${bad}`, method: 'GET', path: `/khong-co/${bad}` },
      );
    }
    // Malformed cookies on cookie-authenticated routes.
    for (const cookie of [`tltt_officer=${BAD_PERCENT}`, 'tltt_officer=%', `tltt_officer=${NUL}`.replace(NUL, '%00'), `a=${BAD_PERCENT}; tltt_officer=%ZZ`]) {
      list.push(
        { name: `cookie ${cookie} queue`, method: 'GET', path: '/api/officer/queue', headers: { cookie } },
        { name: `cookie ${cookie} claim`, method: 'POST', path: `/api/officer/tickets/${ticketId}/claim`, headers: { cookie, 'x-csrf-token': 'x' } },
      );
    }
    // Corrupt compressed bodies, and an unknown encoding.
    const garbage = Buffer.from('this is not compressed at all \u0000\u0001\u0002', 'utf8');
    const truncated = gzipSync(json({ text: 'xin chào' })).subarray(0, 12);
    for (const [encoding, body] of [['gzip', garbage], ['deflate', garbage], ['br', garbage], ['gzip', truncated], ['x-unknown', garbage]] as const) {
      for (const [path, headers] of [
        ['/api/chat', { 'content-type': 'application/json' }],
        ['/api/officer/login', { 'content-type': 'application/json' }],
        [`/api/officer/tickets/${ticketId}/messages`, { 'content-type': 'application/json', ...auth }],
        ['/api/integration/dossiers/000.00.19.H53-250303-0602', { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }],
      ] as const) {
        list.push({ name: `${encoding} body ${path}`, method: path.startsWith('/api/integration') ? 'PUT' : 'POST', path, body: new Uint8Array(body), headers: { ...headers, 'content-encoding': encoding } });
      }
    }
    return list;
  }

  test('no probe gets a 5xx; each refusal has the error shape with a Vietnamese message; nothing is written', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const probe of probes()) {
      const response = await fetch(`${app.url}${probe.path}`, {
        method: probe.method,
        headers: probe.headers ?? {},
        ...(probe.body !== undefined ? { body: probe.body as BodyInit } : {}),
      });
      const text = await response.text();
      if (response.status >= 500) failures.push(`${probe.name}: ${response.status} ${text.slice(0, 200)}`);
      else if (response.status >= 400) {
        const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
        if (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string' || !/[ăâđêôơưáàạảãéèẹẻẽíìịỉĩóòọỏõúùụủũýỳỵỷỹ]/i.test(body.error.message)) {
          failures.push(`${probe.name}: ${response.status} without the error shape: ${text.slice(0, 200)}`);
        }
      } else if (probe.method !== 'GET') failures.push(`${probe.name}: accepted with ${response.status}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The ticket is still waiting: a clean message afterwards is the takeover, and it arrives.
    const reply = await fetch(`${app.url}/api/officer/tickets/${ticketId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ text: 'Chào bạn, tôi là cán bộ trực.' }),
    });
    expect(reply.status).toBe(200);
    const messages = await createSqlConversationStore(database.db).messages(conversationId);
    expect(messages.at(-1)).toMatchObject({ author: 'officer', text: 'Chào bạn, tôi là cán bộ trực.' });
  }, 180_000);
});

describe('bulk dossier files', () => {
  test('import:dossiers refuses control characters by line and field, before anything is written', () => {
    const record = (code: string, extra: Record<string, unknown>) =>
      JSON.stringify({ code, procedureCode: '1.001193', receivedAt: '2025-03-03', dueAt: '2025-03-07', status: 'processing', applicant: { name: 'Lê Văn Công', phone: '0901234567' }, ...extra });
    const text = [
      record('000.00.19.H53-250303-0611', {}),
      record('000.00.19.H53-250303-0612', { step: `Thẩm định${NUL}` }),
      record('000.00.19.H53-250303-0613', { applicant: { name: 'Lê\u0008Văn', phone: '0901234567' } }),
    ].join('\n');
    const parsed = parseDossierFile(text, 'jsonl', new Date('2025-03-05T03:00:00Z'));
    expect(parsed.dossiers.map((d) => d.line)).toEqual([1]);
    expect(parsed.errors).toEqual([
      { line: 2, field: 'step', reason: expect.stringMatching(/ký tự điều khiển/) },
      { line: 3, field: 'applicant.name', reason: expect.stringMatching(/ký tự điều khiển/) },
    ]);
  });
});
