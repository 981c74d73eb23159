/**
 * The province's own procedures over real HTTP: a whole record checked by the Procedure schema is
 * published, found by the chat at once (the retrieval index rebuilt and swapped, no restart), can
 * carry local values like any record, and is withdrawn or reverted as a new version; a national
 * code and a malformed record are refused field by field; officers get 403.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, chat, login } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const PASSWORD = 'mat-khau-giam-sat-1';
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/local/thu-tuc-rieng.json');
const QUESTION = 'làm thẻ ưu đãi tham quan di tích cho người cao tuổi cần giấy tờ gì';

describe('the province’s own procedures', () => {
  let app: TestApp;
  let supervisor: Record<string, string>;
  let officer: Record<string, string>;
  let records: any[];
  beforeAll(async () => {
    app = await startTestApp({ config: { localSourceName: 'UBND tỉnh Bắc Ninh' } });
    await app.deps.officer.accounts.create({ username: 'giamsat', password: PASSWORD, role: 'supervisor' });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, role: 'officer' });
    supervisor = (await login(app.url, 'giamsat', PASSWORD)).auth;
    officer = (await login(app.url, 'canbo', PASSWORD)).auth;
    records = JSON.parse(await readFile(fixture, 'utf8'));
  }, 120_000);
  afterAll(async () => app?.close());

  const save = (record: unknown, auth = supervisor, extra: Record<string, unknown> = {}) =>
    call(`${app.url}/api/officer/local/own-procedures`, 'PUT', { record, reason: 'Quyết định công bố danh mục TTHC của tỉnh', ...extra }, auth);
  const answer = async (question: string) => (await chat(app.url, question)).replies.map((r: { text: string }) => r.text).join('\n');

  test('refused: an officer (403), a national code, a record the schema rejects — each problem by field', async () => {
    expect((await save(records[0], officer)).status).toBe(403);
    const national = await save(records[1]);
    expect(national.status).toBe(400);
    expect(national.body.error.issues).toEqual([{ column: 'code', message: expect.stringMatching(/^mã 1\.004873 đã có trong dữ liệu quốc gia/) }]);
    const malformed = await save(records[2]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues.map((i: { column: string }) => i.column).sort()).toEqual(['lastUpdated', 'levels']);
    expect((await call(`${app.url}/api/officer/local/own-procedures`, 'GET', undefined, supervisor)).body.procedures).toEqual([]);
  });

  test('published → the chat finds and answers it; local values apply to it; withdrawn → gone; reverted → back', async () => {
    expect(await answer(QUESTION)).not.toContain('Cấp thẻ ưu đãi tham quan di tích');
    const saved = await save(records[0], supervisor, { expectedVersion: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toMatchObject({ code: '9.100001', version: 1, author: 'giamsat' });
    expect(saved.body.version.record.origin).toBe('local');

    const found = await answer(QUESTION);
    expect(found).toContain('Cấp thẻ ưu đãi tham quan di tích cho người cao tuổi của tỉnh (ví dụ)');
    expect(found).toContain('Tờ khai đề nghị cấp thẻ (ví dụ)');
    expect((await call(`${app.url}/api/procedures/9.100001`, 'GET')).body).toMatchObject({ code: '9.100001', origin: 'local' });

    const place = await call(`${app.url}/api/officer/local/entries`, 'PUT', { code: '9.100001', channel: 'truc_tiep', fields: { hours: 'Thứ 2 đến thứ 6, 7h30–17h' }, reason: 'Giờ làm việc' }, supervisor);
    expect(place.status).toBe(200);
    expect(await answer('thẻ ưu đãi tham quan di tích cho người cao tuổi nộp ở đâu')).toContain('Trực tiếp: giờ làm việc: Thứ 2 đến thứ 6, 7h30–17h.');

    const withdrawn = await call(`${app.url}/api/officer/local/own-procedures/9.100001`, 'DELETE', { reason: 'Bãi bỏ' }, supervisor);
    expect(withdrawn.body.version).toMatchObject({ version: 2, record: null });
    expect((await call(`${app.url}/api/procedures/9.100001`, 'GET')).status).toBe(404);
    expect(await answer(QUESTION)).not.toContain('Cấp thẻ ưu đãi tham quan di tích');

    const reverted = await call(`${app.url}/api/officer/local/own-procedure-versions/${withdrawn.body.version.id}/revert`, 'POST', { reason: 'Bãi bỏ nhầm' }, supervisor);
    expect(reverted.body.version).toMatchObject({ version: 3, revertOf: withdrawn.body.version.id });
    expect(await answer(QUESTION)).toContain('Cấp thẻ ưu đãi tham quan di tích cho người cao tuổi của tỉnh (ví dụ)');
    const history = await call(`${app.url}/api/officer/local/own-procedures/9.100001/history`, 'GET', undefined, supervisor);
    expect(history.body.history.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [3, 'Bãi bỏ nhầm'],
      [2, 'Bãi bỏ'],
      [1, 'Quyết định công bố danh mục TTHC của tỉnh'],
    ]);
  });
});
