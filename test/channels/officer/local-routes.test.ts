/**
 * The local overlay over real HTTP: a supervisor's fee with its HĐND resolution shows in the web
 * chat answer and the procedure API, an address and hours in the where/how answer; a revert gives
 * back the national answer word for word; officers get 403; every change is a version with its
 * author and reason; bad values are listed by column.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, chat, login } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const PASSWORD = 'mat-khau-giam-sat-1';
const CODE = '1.004873'; // Cấp Giấy xác nhận tình trạng hôn nhân: the fee is "do HĐND cấp tỉnh quy định"
const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh Bắc Ninh';
const FEE_QUESTION = 'lệ phí cấp giấy xác nhận tình trạng hôn nhân bao nhiêu';
const WHERE_QUESTION = 'xin giấy xác nhận tình trạng hôn nhân nộp ở đâu';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/local/vi-du.csv');

const answerOf = async (base: string, question: string) => (await chat(base, question)).replies.map((r: { text: string }) => r.text).join('\n');

describe('local data API', () => {
  let app: TestApp;
  let supervisor: Record<string, string>;
  let officer: Record<string, string>;
  let nationalFee: string;
  let nationalWhere: string;
  beforeAll(async () => {
    app = await startTestApp({ config: { localSourceName: 'UBND tỉnh Bắc Ninh' } });
    await app.deps.officer.accounts.create({ username: 'giamsat', password: PASSWORD, role: 'supervisor' });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, role: 'officer', sectors: ['Hộ tịch'] });
    supervisor = (await login(app.url, 'giamsat', PASSWORD)).auth;
    officer = (await login(app.url, 'canbo', PASSWORD)).auth;
    nationalFee = await answerOf(app.url, FEE_QUESTION);
    nationalWhere = await answerOf(app.url, WHERE_QUESTION);
  }, 120_000);
  afterAll(async () => app?.close());

  const put = (fields: Record<string, unknown> | null, extra: Record<string, unknown> = {}, auth = supervisor) =>
    call(`${app.url}/api/officer/local/entries`, 'PUT', { code: CODE, channel: '*', fields, reason: 'Nghị quyết HĐND tỉnh năm 2025', ...extra }, auth);

  test('an officer gets 403 and nobody signed in 401; nothing is saved', async () => {
    const forbidden = await put({ feeVnd: 20_000, feeBasis: BASIS }, {}, officer);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/giám sát viên/);
    for (const path of ['/api/officer/local/procedures?q=hon nhan', `/api/officer/local/procedures/${CODE}`, '/api/officer/local/export.csv']) {
      expect((await call(`${app.url}${path}`, 'GET', undefined, officer)).status).toBe(403);
      expect((await fetch(`${app.url}${path}`)).status).toBe(401);
    }
    expect((await call(`${app.url}/api/officer/local/import?format=csv`, 'POST', undefined, officer)).status).toBe(403);
    expect(await app.deps.local.store.latestId()).toBe(0);
  });

  test('bad values are refused, each named by its column, in Vietnamese', async () => {
    const response = await put({ feeVnd: -5, phone: 'gọi tôi', onlineUrl: 'javascript:alert(1)' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('local_data_invalid');
    expect(response.body.error.issues.map((i: { column: string }) => i.column).sort()).toEqual(['fee_basis', 'fee_vnd', 'online_url', 'phone']);
    expect(response.body.error.issues.find((i: { column: string }) => i.column === 'online_url').message).toMatch(/http:\/\/ hoặc https:\/\//);
    const unknown = await call(`${app.url}/api/officer/local/entries`, 'PUT', { code: '9.999999', channel: 'fax', fields: {}, reason: 'x' }, supervisor);
    expect(unknown.body.error.issues.map((i: { column: string }) => i.column)).toEqual(['code', 'channel']);
    expect((await put({ note: 'x' }, { reason: '  ' })).body.error.issues).toEqual([{ column: 'reason', message: 'ghi lý do thay đổi' }]);
  });

  test('a fee, an address and hours: the chat and the procedure API say them, citing the resolution; revert restores the national answers', async () => {
    expect(nationalFee).toContain('do Hội đồng nhân dân cấp tỉnh quy định');
    const preview = await call(`${app.url}/api/officer/local/preview`, 'POST', { code: CODE, channel: '*', fields: { feeVnd: 20_000, feeBasis: BASIS } }, supervisor);
    expect(preview.status).toBe(200);
    expect(preview.body.answers.fee).toContain(`Lệ phí cấp Giấy xác nhận tình trạng hôn nhân: 20.000 đồng (${BASIS}).`);
    expect(await answerOf(app.url, FEE_QUESTION)).toBe(nationalFee); // a preview publishes nothing

    const fee = await put({ feeVnd: 20_000, feeBasis: BASIS }, { expectedVersion: 0 });
    expect(fee.status).toBe(200);
    expect(fee.body.version).toMatchObject({ code: CODE, channel: '*', version: 1, author: 'giamsat', reason: 'Nghị quyết HĐND tỉnh năm 2025' });
    const place = await call(
      `${app.url}/api/officer/local/entries`,
      'PUT',
      { code: CODE, channel: 'truc_tiep', fields: { address: 'Bộ phận một cửa UBND phường Suối Hoa, số 2 Lý Thái Tổ', hours: 'Thứ 2 đến thứ 6, 7h30–11h30 và 13h30–17h', phone: '0222 3822 123' }, reason: 'Địa chỉ một cửa' },
      supervisor,
    );
    expect(place.status).toBe(200);

    const localFee = await answerOf(app.url, FEE_QUESTION);
    expect(localFee).toContain(`Lệ phí cấp Giấy xác nhận tình trạng hôn nhân: 20.000 đồng (${BASIS}).`);
    expect(localFee).not.toContain('do Hội đồng nhân dân cấp tỉnh quy định');
    expect(localFee).toMatch(/Thông tin của UBND tỉnh Bắc Ninh, cập nhật \d{2}\/\d{2}\/\d{4}/);
    const where = await answerOf(app.url, WHERE_QUESTION);
    expect(where).toContain('Trực tiếp: Bộ phận một cửa UBND phường Suối Hoa, số 2 Lý Thái Tổ, giờ làm việc: Thứ 2 đến thứ 6, 7h30–11h30 và 13h30–17h, điện thoại: 0222 3822 123.');

    const record = await call(`${app.url}/api/procedures/${CODE}`, 'GET');
    expect(record.body.channels[0].fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 20_000, basis: BASIS });
    expect(record.body.local).toMatchObject({ source: 'UBND tỉnh Bắc Ninh', places: [{ channel: 'truc_tiep', phone: '0222 3822 123' }] });
    const search = await call(`${app.url}/api/procedures/search?q=${encodeURIComponent('xác nhận tình trạng hôn nhân')}`, 'GET');
    expect(search.body.results[0].code).toBe(CODE);

    // Side by side, with the history as the audit log: who, when, why, what it replaced.
    const view = await call(`${app.url}/api/officer/local/procedures/${CODE}`, 'GET', undefined, supervisor);
    expect(view.body.national.channels[0].fees[0].kind).toBe('set_by_province');
    expect(view.body.localized.channels[0].fees[0].amountVnd).toBe(20_000);
    expect(view.body.history.map((v: { channel: string; author: string; reason: string }) => [v.channel, v.author, v.reason])).toEqual([
      ['truc_tiep', 'giamsat', 'Địa chỉ một cửa'],
      ['*', 'giamsat', 'Nghị quyết HĐND tỉnh năm 2025'],
    ]);

    // A stale editor is refused.
    const stale = await put({ feeVnd: 25_000, feeBasis: BASIS }, { expectedVersion: 0 });
    expect(stale.status).toBe(409);

    for (const version of view.body.history) {
      const reverted = await call(`${app.url}/api/officer/local/versions/${version.id}/revert`, 'POST', { reason: 'Nhập nhầm' }, supervisor);
      expect(reverted.status).toBe(200);
      expect(reverted.body.version).toMatchObject({ fields: null, revertOf: version.id, author: 'giamsat' });
    }
    expect(await answerOf(app.url, FEE_QUESTION)).toBe(nationalFee);
    expect(await answerOf(app.url, WHERE_QUESTION)).toBe(nationalWhere);
    expect((await call(`${app.url}/api/procedures/${CODE}`, 'GET')).body.local).toBeUndefined();
    expect((await call(`${app.url}/api/officer/local/versions/999999/revert`, 'POST', {}, supervisor)).status).toBe(404);
  });

  test('a supervisor uploads a spreadsheet: good rows applied, bad ones listed; the export downloads in both formats', async () => {
    const upload = (bytes: Buffer, type: string, auth: Record<string, string>) =>
      fetch(`${app.url}/api/officer/local/import?name=vi-du.csv`, { method: 'POST', headers: { ...auth, 'content-type': type }, body: new Uint8Array(bytes) });
    const csv = await readFile(fixture);
    expect((await upload(csv, 'text/csv', officer)).status).toBe(403);
    const response = await upload(csv, 'text/csv', supervisor);
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({ rows: 8, applied: 3, unchanged: 0 });
    expect(report.rejected.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([[4, 'fee_vnd'], [5, 'code'], [6, 'channel'], [7, 'online_url'], [8, 'code']]);
    expect(await answerOf(app.url, FEE_QUESTION)).toContain('20.000 đồng (Nghị quyết số 12/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh (ví dụ))');
    const history = await call(`${app.url}/api/officer/local/procedures/${CODE}`, 'GET', undefined, supervisor);
    expect(history.body.history[0]).toMatchObject({ author: 'giamsat', reason: 'Nhập từ tệp vi-du.csv' });

    const badFile = await upload(Buffer.from('ma,kenh\n1,2\n'), 'text/csv', supervisor);
    expect(badFile.status).toBe(400);
    expect((await badFile.json()).error.message).toMatch(/Cột không có trong mẫu: ma, kenh/);

    for (const format of ['csv', 'xlsx']) {
      const exported = await fetch(`${app.url}/api/officer/local/export.${format}`, { headers: supervisor });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-disposition')).toBe(`attachment; filename="du-lieu-dia-phuong.${format}"`);
      const bytes = Buffer.from(await exported.arrayBuffer());
      const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      expect(await (await upload(bytes, type, supervisor)).json()).toEqual({ rows: 3, applied: 0, unchanged: 3, rejected: [] });
    }
  });
});
