/** Every response carries `X-Content-Type-Options: nosniff` (issue 13, finding 10): pages, scripts, JSON, errors, streams. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

describe('X-Content-Type-Options on every response', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ warm: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  test.each([
    ['GET', '/', undefined],
    ['GET', '/widget.js', undefined],
    ['GET', '/officer', undefined],
    ['GET', '/health', undefined],
    ['GET', '/khong-co-trang-nay', undefined],
    ['POST', '/api/chat', '{"text": "thiếu ngoặc"'],
    ['GET', '/api/chat/khong-co/events', undefined],
    ['GET', '/api/officer/me', undefined],
    ['OPTIONS', '/api/chat', undefined],
  ] as const)('%s %s', async (method, path, body) => {
    const response = await fetch(`${app.url}${path}`, { method, ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}) });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
