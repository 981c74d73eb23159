/**
 * The adapter to an external one-stop lookup API, against a local fake server over HTTP: the
 * documented wire format, 404 as "not found", retries on transient failures, the timeout, and
 * every failure becoming "unavailable" — which the bot answers with "hệ thống tra cứu đang bận".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpDossierSource } from '../../../adapters/dossier-api/http-dossier-source.ts';
import { startDossierLookup } from '../../../deps/dossier-deps.ts';
import { handleTurn } from '../../../bot/turn.ts';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { DossierSourceUnavailableError } from '../../../knowledge/dossiers/dossier-source.ts';
import { loadConfig } from '../../../config.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const wire = (code: string, extra: Record<string, unknown> = {}) => ({
  dossier: {
    code,
    procedureCode: '1.004222',
    procedureName: 'Đăng ký thường trú',
    receivedAt: '2025-03-03T08:00:00+07:00',
    dueAt: '2025-03-12T17:00:00+07:00',
    status: 'need_supplement',
    step: 'Thẩm định hồ sơ',
    agency: 'Công an phường Bến Nghé',
    note: 'Giấy tờ chứng minh chỗ ở hợp pháp',
    applicant: { name: 'Phạm Thị Dung', phone: '0911222333' },
    updatedAt: '2025-03-04T09:00:00+07:00',
    ...extra,
  },
});

/** Serial (last 4 digits of the code) → behaviour of the fake one-stop API. */
const requests = new Map<string, number>();
const headersSeen: Array<string | undefined> = [];
function fakeOneStop(request: IncomingMessage, response: ServerResponse): void {
  const match = /^\/api\/dossiers\/([^/]+)$/.exec(request.url ?? '');
  headersSeen.push(request.headers.authorization);
  if (!match || request.method !== 'GET') return void response.writeHead(404).end();
  const code = decodeURIComponent(match[1] as string);
  const serial = code.slice(-4);
  const seen = (requests.get(serial) ?? 0) + 1;
  requests.set(serial, seen);
  const json = (status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  switch (serial) {
    case '0001': return json(200, wire(code));
    case '0404': return json(404, { error: 'not found' });
    case '0503': return seen === 1 ? json(503, { error: 'busy' }) : json(200, wire(code, { status: 'processing', note: null }));
    case '0500': return json(500, { error: 'boom' });
    case '0429': return json(429, { error: 'slow down' });
    case '0401': return json(401, { error: 'unauthorized' });
    case '0200': return void response.writeHead(200, { 'content-type': 'application/json' }).end('<html>maintenance</html>');
    case '0201': return json(200, wire(code, { status: 'lost' }));
    case '0202': return json(200, wire('000.00.19.H53-250303-9999'));
    case '0203': return json(200, { result: 'ok' });
    case '0900': return void setTimeout(() => json(200, wire(code)), 1500);
    default: return json(404, {});
  }
}

describe('external one-stop lookup API adapter', () => {
  let server: Server;
  let baseUrl: string;
  let database: TestDatabase;
  beforeAll(async () => {
    server = createServer(fakeOneStop);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    database = await DB_FACTORIES.find((f) => f.name === 'pglite')!.create();
  }, 60_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database?.dispose();
  });

  const source = (options: Partial<Parameters<typeof createHttpDossierSource>[0]> = {}) =>
    createHttpDossierSource({ baseUrl, timeoutMs: 300, retries: 2, backoffMs: 10, ...options });
  const code = (serial: string) => `000.00.19.H53-250303-${serial}`;
  const unavailable = async (promise: Promise<unknown>) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierSourceUnavailableError);
    return (error as Error).message;
  };

  test('200: the dossier, validated, in the store\'s shape; the token is sent', async () => {
    const found = await source({ token: 'api-secret' }).find(code('0001'));
    expect(found).toMatchObject({
      code: code('0001'),
      status: 'need_supplement',
      note: 'Giấy tờ chứng minh chỗ ở hợp pháp',
      dueAt: '2025-03-12T10:00:00.000Z',
      applicant: { name: 'Phạm Thị Dung', phone: '0911222333' },
      updatedAt: '2025-03-04T02:00:00.000Z',
    });
    expect(headersSeen.at(-1)).toBe('Bearer api-secret');
  });

  test('404: not found (null), no retry', async () => {
    expect(await source().find(code('0404'))).toBeNull();
    expect(requests.get('0404')).toBe(1);
  });

  test('a transient 503 is retried', async () => {
    expect(await source().find(code('0503'))).toMatchObject({ status: 'processing' });
    expect(requests.get('0503')).toBe(2);
  });

  test('persistent 500 or 429: unavailable after all attempts', async () => {
    expect(await unavailable(source().find(code('0500')))).toMatch(/HTTP 500 \(after 3 attempts\)/);
    expect(requests.get('0500')).toBe(3);
    expect(await unavailable(source({ retries: 0 }).find(code('0429')))).toMatch(/HTTP 429/);
  });

  test('no answer within the timeout: unavailable', async () => {
    const started = Date.now();
    expect(await unavailable(source({ retries: 1 }).find(code('0900')))).toMatch(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(1400);
  });

  test('nobody listening: unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await unavailable(createHttpDossierSource({ baseUrl: `http://127.0.0.1:${port}`, retries: 1, backoffMs: 1 }).find(code('0001')))).toMatch(
      /connection failed/,
    );
  });

  test.each([
    ['0401', /unexpected HTTP 401/],
    ['0200', /not JSON/],
    ['0201', /invalid status/],
    ['0202', /another dossier code/],
    ['0203', /no "dossier" object/],
  ])('%s: a bad answer is unavailable at once, never retried', async (serial, message) => {
    expect(await unavailable(source().find(code(serial)))).toMatch(message);
    expect(requests.get(serial)).toBe(1);
  });

  test('wired from the config: codes the built-in store lacks go to the API; when it is down the bot says the system is busy', async () => {
    const config = loadConfig({ dossierApiUrl: baseUrl, dossierApiTimeoutMs: 200, dossierDemo: false }, {});
    const dossiers = await startDossierLookup(config, database.db);
    const deps = { retriever: { search: async () => [] }, catalog: createCatalog(loadBundledCatalog()), dossiers };
    await createSqlConversationStore(database.db).ensure('ext-1', 'webchat');
    const say = async (text: string) =>
      (await handleTurn({ conversationId: 'ext-1', channel: 'webchat', text, receivedAt: new Date('2025-03-05T03:00:00Z') }, deps)).replies
        .map((r) => r.text)
        .join('\n');
    expect(await say(`tra cứu hồ sơ ${code('0001')}`)).toMatch(/Chờ bổ sung hồ sơ[\s\S]*Giấy tờ chứng minh chỗ ở hợp pháp/);
    expect(await say(`tra cứu hồ sơ ${code('0404')}`)).toMatch(/không tìm thấy hồ sơ/);
    const busy = await say(`tra cứu hồ sơ ${code('0500')}`);
    expect(busy).toMatch(/hệ thống tra cứu hồ sơ đang bận/);
    expect(busy).not.toMatch(/HTTP|Error|500/);
  });
});
