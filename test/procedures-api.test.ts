/** GET /api/procedures/search and /api/procedures/:code over HTTP on the bundled catalog (CATALOG=curated). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startAssistant, type RunningAssistant } from './support/assistant.ts';

let app: RunningAssistant;
beforeAll(async () => {
  app = await startAssistant({ catalog: 'curated' });
});
afterAll(async () => {
  await app?.close();
});

const get = async (path: string) => {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, body: (await response.json()) as any };
};

test('search answers results best first with code, name, level and score', async () => {
  const { status, body } = await get(`/api/procedures/search?q=${encodeURIComponent('lam ho chieu het bao nhieu tien')}&limit=3`);
  expect(status).toBe(200);
  expect(body.results).toHaveLength(3);
  expect(body.results[0]).toMatchObject({ code: '1.001456', level: 'Cấp tỉnh' });
  expect(typeof body.results[0].score).toBe('number');
  const scores = body.results.map((r: { score: number }) => r.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
});

test('an empty, missing or over-long query, or a bad limit, is a 400 with a Vietnamese message', async () => {
  for (const path of ['/api/procedures/search?q=', '/api/procedures/search', `/api/procedures/search?q=${'a'.repeat(501)}`, '/api/procedures/search?q=ho%20chieu&limit=0']) {
    const { status, body } = await get(path);
    expect(status, path).toBe(400);
    expect(body.error.message).toMatch(/Vui lòng|Tham số/);
  }
});

test('a procedure by code; an unknown code is a 404 naming the problem', async () => {
  const found = await get('/api/procedures/1.001456');
  expect(found.status).toBe(200);
  expect(found.body.channels.map((c: { method: string }) => c.method)).toEqual(['truc_tiep', 'truc_tuyen', 'buu_chinh']);
  expect(found.body.legalBasis.length).toBeGreaterThan(0);
  const missing = await get('/api/procedures/9.999999');
  expect(missing.status).toBe(404);
  expect(missing.body.error.message).toMatch(/Không tìm thấy thủ tục/);
});
