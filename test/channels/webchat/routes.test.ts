/** POST /api/chat refuses bad input with a clear Vietnamese 400, and /health reports start-up. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

describe('web chat input validation', () => {
  let database: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    database = await DB_FACTORIES[0]!.create();
    app = await startTestApp({ db: database.db, warm: false });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${app.url}/api/chat`, { method: 'POST', headers: { 'content-type': contentType }, body });

  test.each([
    ['empty text', JSON.stringify({ text: '   ' }), /nhập nội dung/],
    ['missing text', JSON.stringify({}), /văn bản/],
    ['text is a number', JSON.stringify({ text: 42 }), /văn bản/],
    ['text is an object', JSON.stringify({ text: { a: 1 } }), /văn bản/],
    ['over 2,000 characters', JSON.stringify({ text: 'a'.repeat(2001) }), /quá dài/],
    ['binary content', JSON.stringify({ text: 'abc\u0000\u0001def' }), /không hợp lệ/],
    ['body is an array', JSON.stringify(['hỏi']), /JSON/],
    ['malformed JSON', '{"text": "thiếu ngoặc"', /JSON/],
    ['bad conversation id', JSON.stringify({ conversationId: '../../etc', text: 'chào' }), /cuộc trò chuyện/],
  ])('%s → 400 with a Vietnamese message', async (_name, body, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.message).toMatch(message);
    expect(JSON.stringify(json)).not.toMatch(/at \w+ \(|node_modules/);
  });

  test('a 2,000-character message is accepted for processing (503 only because the bot is still starting)', async () => {
    const response = await post(JSON.stringify({ text: 'hộ chiếu '.repeat(222).slice(0, 2000) }));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/khởi động/);
  });

  test('/health is 503 "starting" until catalog and index are ready', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'starting', catalog: false, index: false });
  });

  test('unknown paths answer a catalogued 404', async () => {
    const response = await fetch(`${app.url}/khong-co`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('the widget script and the demo page are served', async () => {
    const widget = await fetch(`${app.url}/widget.js`);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(await widget.text()).toContain('/api/chat');
    const page = await fetch(`${app.url}/`);
    expect(await page.text()).toContain('<script src="/widget.js"');
  });

  test('events of an unknown conversation → 404', async () => {
    const response = await fetch(`${app.url}/api/chat/khong-ton-tai/events`);
    expect(response.status).toBe(404);
  });
});
