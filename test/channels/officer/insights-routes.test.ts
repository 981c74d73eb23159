/** /api/officer/insights and its CSV: supervisors only, a checked date range, the seeded figures over HTTP. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';
import { PASSPORT, seedInsightHistory } from '../../support/insight-history.ts';
import { call, login } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const PASSWORD = 'mat-khau-giam-sat-1';

describe('insights API', () => {
  let database: TestDatabase;
  let app: TestApp;
  let supervisor: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    database = await DB_FACTORIES[0]!.create();
    await seedInsightHistory(database.db);
    app = await startTestApp({ db: database.db });
    await app.deps.officer.accounts.create({ username: 'giamsat', password: PASSWORD, role: 'supervisor' });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, role: 'officer', sectors: ['Hộ tịch'] });
    supervisor = (await login(app.url, 'giamsat', PASSWORD)).auth;
    officer = (await login(app.url, 'canbo', PASSWORD)).auth;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const range = '?from=2026-11-01&to=2026-11-03';

  test('a supervisor gets the report, with procedure names from the catalog', async () => {
    const response = await call(`${app.url}/api/officer/insights${range}`, 'GET', undefined, supervisor);
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ conversations: 4, questions: 8, unanswered: 4, dossierLookups: 3 });
    expect(response.body.topProcedures[0]).toEqual({ code: PASSPORT, name: expect.stringMatching(/hộ chiếu/i), questions: 2 });
  });

  test('the unanswered questions as a CSV download', async () => {
    const response = await fetch(`${app.url}/api/officer/insights/unanswered.csv${range}`, { headers: supervisor });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cau-hoi-chua-tra-loi-2026-11-01-2026-11-03.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheet programs need for UTF-8
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('cau_hoi,khoa_tu_dien,so_lan,ket_qua,khong_hai_long,ma_thu_tuc,ten_thu_tuc,gop_y,lan_cuoi');
    expect(lines[1]).toMatch(/^Giá vàng hôm nay,gia vang hom nay,3,ngoài phạm vi: 3,0,/);
    expect(lines).toHaveLength(5);
  });

  test('an officer gets 403, nobody signed in 401, for the report, the CSV and the page', async () => {
    for (const path of [`/api/officer/insights${range}`, `/api/officer/insights/unanswered.csv${range}`]) {
      const forbidden = await call(`${app.url}${path}`, 'GET', undefined, officer);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.message).toMatch(/giám sát viên/);
      expect((await fetch(`${app.url}${path}`)).status).toBe(401);
    }
    const page = await fetch(`${app.url}/officer/insights`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/officer');
  });

  test.each([
    ['?from=2026-11-05&to=2026-11-01'],
    ['?from=01/11/2026&to=2026-11-03'],
    ['?to=2026-02-30'],
    ['?from=2020-01-01&to=2026-11-03'],
  ])('the range %s → 400 with a Vietnamese message', async (query) => {
    const response = await call(`${app.url}/api/officer/insights${query}`, 'GET', undefined, supervisor);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/Khoảng thời gian không hợp lệ/) });
  });

  test('without dates: the last 30 days up to today in Vietnam', async () => {
    const response = await call(`${app.url}/api/officer/insights`, 'GET', undefined, supervisor);
    expect(response.status).toBe(200);
    expect(response.body.days).toHaveLength(30);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(response.body.range.to).toBe(today);
  });
});
