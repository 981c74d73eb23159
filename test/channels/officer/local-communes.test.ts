/**
 * Per-commune one-stop shops over real HTTP on a real database: a supervisor imports a sheet
 * with commune rows (good ones applied, bad ones listed by row and column), the export imports
 * back unchanged; a where question answers with the office of the commune the citizen named
 * (first, or when asked, over two turns, with or without diacritics) and stays on the procedure;
 * a console edit is a version, and its revert gives the previous answer back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, chat, login } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const PASSWORD = 'mat-khau-giam-sat-1';
const BIRTH = '1.001193'; // Đăng ký khai sinh (cấp xã)
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/local/xa-phuong.csv');
const BEN_NGHE = 'Bộ phận một cửa UBND phường Bến Nghé, số 29 Lê Duẩn (ví dụ)';
const TAN_THANH = 'Bộ phận một cửa UBND xã Tân Thành, ấp 3 (ví dụ)';

interface ChatReply {
  text: string;
  quickReplies?: Array<{ label: string; payload: string }>;
}
const textOf = (body: { replies: ChatReply[] }) => body.replies.map((r) => r.text).join('\n');

describe('per-commune one-stop shops', () => {
  let app: TestApp;
  let supervisor: Record<string, string>;
  let nationalWhere: string;
  const upload = (bytes: Buffer, type: string, name: string) =>
    fetch(`${app.url}/api/officer/local/import?name=${name}`, { method: 'POST', headers: { ...supervisor, 'content-type': type }, body: new Uint8Array(bytes) });

  beforeAll(async () => {
    app = await startTestApp({ config: { localSourceName: 'UBND tỉnh (ví dụ)' } });
    await app.deps.officer.accounts.create({ username: 'giamsat', password: PASSWORD, role: 'supervisor' });
    supervisor = (await login(app.url, 'giamsat', PASSWORD)).auth;
    nationalWhere = textOf(await chat(app.url, 'đăng ký khai sinh nộp ở đâu'));
  }, 120_000);
  afterAll(async () => app?.close());

  test('without commune rows the where answer asks nothing', () => {
    expect(nationalWhere).toContain('Bộ phận một cửa (Trung tâm Phục vụ hành chính công) của UBND cấp xã');
    expect(nationalWhere).not.toMatch(/xã\/phường nào/);
  });

  test('a sheet with commune rows: good rows applied, each bad one named by row and column; the export imports back unchanged', async () => {
    const response = await upload(await readFile(fixture), 'text/csv', 'xa-phuong.csv');
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.rejected).toEqual([
      { row: 5, column: 'commune', message: 'tên xã/phường phải bắt đầu bằng Xã, Phường, Thị trấn hoặc Đặc khu rồi đến tên, ví dụ Phường Bến Nghé' },
      { row: 6, column: 'channel', message: 'dòng có xã/phường là bộ phận một cửa của xã/phường: để trống cột channel hoặc ghi *' },
      { row: 7, column: 'code', message: 'mã * (mọi thủ tục cấp xã) chỉ dùng cho dòng có xã/phường (cột commune)' },
      { row: 8, column: 'processing_days', message: 'dòng có xã/phường chỉ ghi address, hours, phone của bộ phận một cửa; ô này ghi ở dòng không có xã/phường' },
      { row: 9, column: 'commune', message: 'thủ tục mã 1.001456 không thực hiện ở cấp xã: địa chỉ theo xã/phường chỉ dùng cho thủ tục cấp xã' },
      { row: 10, column: 'commune', message: 'trùng mã thủ tục, kênh và xã/phường với dòng 2' },
    ]);
    expect(report).toMatchObject({ rows: 9, applied: 3, unchanged: 0 });
    const view = await call(`${app.url}/api/officer/local/procedures/${BIRTH}`, 'GET', undefined, supervisor);
    expect(view.body.communeOffices.offices.map((o: { commune: string }) => o.commune)).toEqual(['Phường Bến Nghé', 'Xã Tân Thành']);

    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await fetch(`${app.url}/api/officer/local/export.${format}`, { headers: supervisor });
      const bytes = Buffer.from(await exported.arrayBuffer());
      if (format === 'csv') expect(bytes.toString('utf8')).toContain('*,Mọi thủ tục cấp xã,*,Xã Tân Thành,');
      const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      expect(await (await upload(bytes, type, `x.${format}`)).json()).toEqual({ rows: 3, applied: 0, unchanged: 3, rejected: [] });
    }
  });

  test('the commune named first: the where answer leads with its office', async () => {
    const answer = textOf(await chat(app.url, 'em ở phường Bến Nghé, đăng ký khai sinh nộp ở đâu ạ'));
    expect(answer).toContain('Dạ, bạn ở Phường Bến Nghé: thủ tục “Đăng ký khai sinh” nộp trực tiếp tại Bộ phận một cửa của Phường Bến Nghé.');
    expect(answer).toContain(`• Địa chỉ: ${BEN_NGHE}`);
    // The procedure's own row wins over the commune's row for every procedure.
    expect(answer).toContain('• Điện thoại: 028 3829 0001');
    expect(answer).toMatch(/Theo thông tin của UBND tỉnh \(ví dụ\), cập nhật \d{2}\/\d{2}\/\d{4}/);
    expect(answer).not.toMatch(/xã\/phường nào/);
  });

  test('asked which commune, the citizen answers without diacritics in the next turn: that office, same procedure', async () => {
    const first = await chat(app.url, 'đăng ký khai sinh nộp ở đâu');
    expect(first.procedure.code).toBe(BIRTH);
    const ask = first.replies.at(-1) as ChatReply;
    expect(ask.text).toContain('Bạn ở xã/phường nào');
    expect(ask.quickReplies?.map((q) => q.label)).toEqual(['Phường Bến Nghé', 'Xã Tân Thành']);

    const second = await chat(app.url, 'xa tan thanh', first.conversationId);
    expect(second.procedure.code).toBe(BIRTH);
    const answer = textOf(second);
    expect(answer).toContain('Dạ, bạn ở Xã Tân Thành: thủ tục “Đăng ký khai sinh”');
    expect(answer).toContain(`• Địa chỉ: ${TAN_THANH}`);
    expect(answer).toContain('• Giờ làm việc: Thứ 2 đến sáng thứ 7, 7h–11h và 13h–16h30');

    // Remembered: another commune-level procedure's where answer uses it without asking again.
    const later = textOf(await chat(app.url, 'đăng ký kết hôn nộp ở đâu', first.conversationId));
    expect(later).toContain('Dạ, bạn ở Xã Tân Thành: thủ tục “Đăng ký kết hôn”');
    expect(later).not.toMatch(/xã\/phường nào/);
  });

  test('a commune the data lacks is said so and the question stays open; an online question asks no commune', async () => {
    const first = await chat(app.url, 'đăng ký khai sinh nộp ở đâu');
    const unknown = await chat(app.url, 'phường Đa Kao', first.conversationId);
    expect(textOf(unknown)).toContain('Dạ, em chưa có thông tin bộ phận một cửa của “phường Đa Kao” cho thủ tục “Đăng ký khai sinh”. Các xã/phường em có thông tin: Phường Bến Nghé, Xã Tân Thành.');
    const then = await chat(app.url, 'phuong ben nghe', unknown.conversationId);
    expect(then.procedure.code).toBe(BIRTH);
    expect(textOf(then)).toContain(`• Địa chỉ: ${BEN_NGHE}`);

    expect(textOf(await chat(app.url, 'đăng ký khai sinh nộp online được không'))).not.toMatch(/xã\/phường nào/);
  });

  test('a quick reply answers too; an earlier turn naming the commune counts', async () => {
    const first = await chat(app.url, 'khai sinh cho con nộp ở đâu');
    const second = await chat(app.url, 'Phường Bến Nghé', first.conversationId, 'Phường Bến Nghé');
    expect(textOf(second)).toContain(`• Địa chỉ: ${BEN_NGHE}`);

    const noted = await chat(app.url, 'chào bạn, em ở P. Bến Nghé');
    const where = textOf(await chat(app.url, 'đăng ký khai sinh làm ở đâu', noted.conversationId));
    expect(where).toContain(`• Địa chỉ: ${BEN_NGHE}`);
  });

  test('a console edit of a commune row is a version; its revert gives the previous answer back', async () => {
    const ask = async () => textOf(await chat(app.url, 'xã Tân Thành, đăng ký khai sinh nộp ở đâu'));
    const before = await ask();
    expect(before).toContain(`• Địa chỉ: ${TAN_THANH}`);

    const invalid = await call(`${app.url}/api/officer/local/entries`, 'PUT', { code: BIRTH, channel: '*', commune: 'Tân Thành', fields: { address: 'x' }, reason: 'Chuyển trụ sở' }, supervisor);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((i: { column: string }) => i.column)).toEqual(['commune']);

    const saved = await call(
      `${app.url}/api/officer/local/entries`,
      'PUT',
      { code: BIRTH, channel: '*', commune: 'xa tan thanh', fields: { address: 'Trụ sở mới, số 9 đường Hùng Vương (ví dụ)' }, reason: 'Chuyển trụ sở', expectedVersion: 0 },
      supervisor,
    );
    expect(saved.status).toBe(200);
    // The commune keeps the spelling it already has.
    expect(saved.body.version).toMatchObject({ code: BIRTH, commune: 'Xã Tân Thành', version: 1, author: 'giamsat', reason: 'Chuyển trụ sở' });
    const changed = await ask();
    expect(changed).toContain('• Địa chỉ: Trụ sở mới, số 9 đường Hùng Vương (ví dụ)');
    // Unset values still come from the commune's row for every procedure.
    expect(changed).toContain('• Điện thoại: 0251 3861 222');

    const view = await call(`${app.url}/api/officer/local/procedures/${BIRTH}`, 'GET', undefined, supervisor);
    expect(view.body.history[0]).toMatchObject({ commune: 'Xã Tân Thành', author: 'giamsat', reason: 'Chuyển trụ sở' });
    const reverted = await call(`${app.url}/api/officer/local/versions/${view.body.history[0].id}/revert`, 'POST', { reason: 'Nhập nhầm' }, supervisor);
    expect(reverted.status).toBe(200);
    expect(reverted.body.version).toMatchObject({ commune: 'Xã Tân Thành', fields: null });
    expect(await ask()).toBe(before);
  });
});
