/**
 * CORS (issue 13, finding 4): an allowed origin gets CORS headers on the citizen endpoints and its
 * preflight answered; any other origin gets none; the officer API never sends any.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const ALLOWED = 'http://cong-dich-vu.example.gov.vn';
const OTHER = 'http://trang-la.example.com';

describe('CORS on the citizen endpoints only', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ warm: false, config: { allowedOrigins: [ALLOWED] } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const request = (path: string, origin: string, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, { ...init, headers: { origin, ...(init.headers as Record<string, string>) } });
  const corsHeaders = (response: Response) => Array.from(response.headers as unknown as Iterable<[string, string]>, ([name]) => name).filter((name) => name.startsWith('access-control-'));

  test('an allowed origin: preflight answered with the methods and headers, the chat and the widget readable', async () => {
    const preflight = await request('/api/chat', ALLOWED, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    expect(preflight.headers.get('vary')).toMatch(/Origin/);

    const chat = await request('/api/chat', ALLOWED, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"chào"}' });
    expect(chat.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const events = await request('/api/chat/khong-co/events', ALLOWED);
    expect(events.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const widget = await request('/widget.js', ALLOWED);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(widget.headers.get('vary')).toMatch(/Origin/);
  });

  test('a disallowed origin gets no Access-Control-Allow-Origin anywhere', async () => {
    for (const [path, init] of [
      ['/api/chat', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }],
      ['/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"chào"}' }],
      ['/api/chat/khong-co/events', {}],
      ['/widget.js', {}],
    ] as const) {
      const response = await request(path, OTHER, init as RequestInit);
      expect(response.headers.get('access-control-allow-origin'), `${init.method ?? 'GET'} ${path}`).toBeNull();
      expect(response.headers.get('vary'), path).toMatch(/Origin/);
    }
  });

  test('the officer API never sends CORS headers, even to an allowed origin', async () => {
    for (const [path, init] of [
      ['/api/officer/login', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }],
      ['/api/officer/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"a","password":"b"}' }],
      ['/api/officer/me', {}],
      ['/api/officer/events', {}],
      ['/officer', {}],
    ] as const) {
      const response = await request(path, ALLOWED, init as RequestInit);
      expect(corsHeaders(response), `${init.method ?? 'GET'} ${path}`).toEqual([]);
    }
  });
});

describe('ALLOWED_ORIGINS', () => {
  test('comma-separated origins; default none; a path or a bare host is a startup error', () => {
    expect(loadConfig({}, {}).allowedOrigins).toEqual([]);
    expect(loadConfig({}, { ALLOWED_ORIGINS: 'https://a.gov.vn, http://b.gov.vn:8080' }).allowedOrigins).toEqual(['https://a.gov.vn', 'http://b.gov.vn:8080']);
    expect(() => loadConfig({}, { ALLOWED_ORIGINS: 'https://a.gov.vn/trang' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({}, { ALLOWED_ORIGINS: 'a.gov.vn' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
