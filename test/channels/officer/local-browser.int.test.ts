/**
 * The local data page in a real browser (Debian chromium via playwright-core): a supervisor finds
 * a procedure whose fee the provincial council sets, enters the fee and its resolution, previews
 * the citizen's answer, publishes, and a citizen asking in the web chat widget gets the new fee;
 * a bad value is shown under its field; the history reverts it; an officer gets 403.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium, openPage, signInToConsole } from '../../support/browser.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { chat } from '../../support/officer-app.ts';

const WAIT_MS = 10_000;
const PASSWORD = 'mat-khau-giam-sat-1';
const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh Bắc Ninh';
const NEW_FEE = `Lệ phí cấp Giấy xác nhận tình trạng hôn nhân: 20.000 đồng (${BASIS}).`;

const signIn = (page: Page, base: string, username: string) => signInToConsole(page, base, username, PASSWORD);

/** A citizen's question in the web chat widget; the text of the bot's answer to it (a new one, not an earlier answer kept on the page). */
async function askInWidget(page: Page, base: string, question: string): Promise<string> {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Mở trợ lý thủ tục hành chính' }).click();
  const answers = page.getByRole('log').locator('.tltt-msg.bot').filter({ hasText: 'phí, lệ phí của thủ tục' });
  const earlier = await answers.count();
  await page.getByRole('textbox', { name: 'Câu hỏi của bạn' }).fill(question);
  await page.keyboard.press('Enter');
  await expect.poll(() => answers.count()).toBe(earlier + 1);
  return (await answers.last().textContent()) ?? '';
}

describe.skipIf(!chromiumPath)(`the local data page in a real browser${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ config: { localSourceName: 'UBND tỉnh Bắc Ninh' } });
    await app.deps.officer.accounts.create({ username: 'giamsat', password: PASSWORD, displayName: 'Trần Văn Giám', role: 'supervisor' });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, displayName: 'Nguyễn Thị Lan', role: 'officer', sectors: ['Hộ tịch'] });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('edit a fee → preview → publish → the citizen’s next answer has it; revert brings the national one back', async () => {
    const { context, page, errors } = await openPage(browser, WAIT_MS);
    try {
      const citizen = await context.newPage();
      citizen.setDefaultTimeout(WAIT_MS);
      const before = await askInWidget(citizen, app.url, 'lệ phí cấp giấy xác nhận tình trạng hôn nhân bao nhiêu');
      expect(before).toContain('do Hội đồng nhân dân cấp tỉnh quy định');

      await signIn(page, app.url, 'giamsat');
      await page.getByRole('link', { name: 'Dữ liệu địa phương' }).click();
      await page.waitForURL(/\/officer\/local$/);
      await page.getByLabel('Tên hoặc mã thủ tục').fill('tình trạng hôn nhân');
      await page.getByRole('button', { name: 'Tìm' }).click();
      await page.getByRole('button', { name: /^1\.004873 — Cấp Giấy xác nhận tình trạng hôn nhân/ }).click();
      await page.getByRole('heading', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân — mã 1.004873' }).waitFor();
      expect(await page.getByLabel('Lệ phí theo dữ liệu quốc gia').textContent()).toContain('do Hội đồng nhân dân cấp tỉnh quy định');
      expect(await page.getByRole('table', { name: 'Lịch sử thay đổi' }).textContent()).toContain('Chưa có thay đổi nào.');

      // A fee without its resolution is refused, the message under the field.
      await page.getByLabel('Lệ phí (đồng)').fill('20.000');
      await page.getByRole('button', { name: 'Xem trước câu trả lời' }).click();
      await expect.poll(() => page.locator('#err-fee_basis').textContent()).toBe('có mức lệ phí thì phải ghi căn cứ (số, ngày nghị quyết HĐND)');

      await page.getByLabel('Căn cứ mức thu (số, ngày nghị quyết HĐND)').fill(BASIS);
      await page.getByRole('button', { name: 'Xem trước câu trả lời' }).click();
      await expect.poll(() => page.getByLabel('Xem trước lệ phí').textContent()).toContain(NEW_FEE);
      expect(await page.locator('#err-fee_basis').textContent()).toBe('');
      // A preview publishes nothing.
      expect(await askInWidget(citizen, app.url, 'lệ phí xác nhận tình trạng hôn nhân')).not.toContain('20.000 đồng');

      await page.getByLabel('Lý do thay đổi (ghi vào lịch sử)').fill('Áp dụng nghị quyết HĐND tỉnh năm 2025');
      await page.getByRole('button', { name: 'Xuất bản' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã xuất bản phiên bản 1 (Mọi kênh)');
      await expect.poll(() => page.getByLabel('Lệ phí người dân đang nhận được').textContent()).toContain(NEW_FEE);
      const history = page.getByRole('table', { name: 'Lịch sử thay đổi' });
      expect(await history.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
        expect.any(String),
        'Mọi kênh',
        '1',
        'giamsat',
        'Áp dụng nghị quyết HĐND tỉnh năm 2025',
        `fee_vnd: 20000; fee_basis: ${BASIS}`,
        'Hoàn tác',
      ]);

      const after = await askInWidget(citizen, app.url, 'lệ phí xác nhận tình trạng hôn nhân bao nhiêu');
      expect(after).toContain(NEW_FEE);
      expect(after).toContain('Thông tin của UBND tỉnh Bắc Ninh');

      await page.getByRole('button', { name: 'Hoàn tác phiên bản 1 (Mọi kênh)' }).click();
      await expect.poll(() => page.getByLabel('Lệ phí người dân đang nhận được').textContent()).toContain('do Hội đồng nhân dân cấp tỉnh quy định');
      expect(await history.locator('tbody tr').count()).toBe(2);
      expect(await askInWidget(citizen, app.url, 'lệ phí xác nhận tình trạng hôn nhân là bao nhiêu')).toContain('do Hội đồng nhân dân cấp tỉnh quy định');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the province’s own procedure: a bad record listed by field, a good one saved and listed, then withdrawn', async () => {
    const { context, page, errors } = await openPage(browser, WAIT_MS);
    try {
      await signIn(page, app.url, 'giamsat');
      await page.goto(`${app.url}/officer/local`);
      const list = page.getByRole('list', { name: 'Thủ tục riêng của tỉnh' });
      await expect.poll(() => list.textContent()).toBe('Chưa có thủ tục riêng nào.');
      const record = { code: '9.100001', name: 'Cấp thẻ ưu đãi tham quan di tích (ví dụ)', levels: ['xa'], sector: 'Văn hóa', lastUpdated: '2026-11-30' };
      await page.getByLabel('Bản ghi thủ tục (JSON)').fill(JSON.stringify({ ...record, levels: [] }));
      await page.getByLabel('Lý do (ghi vào lịch sử)').fill('Quyết định công bố danh mục TTHC');
      await page.getByRole('button', { name: 'Lưu thủ tục' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Lỗi của bản ghi thủ tục' }).textContent()).toMatch(/^levels: không hợp lệ theo mẫu thủ tục/);
      await page.getByLabel('Bản ghi thủ tục (JSON)').fill(JSON.stringify(record));
      await page.getByRole('button', { name: 'Lưu thủ tục' }).click();
      await expect.poll(() => list.textContent()).toContain('9.100001 — Cấp thẻ ưu đãi tham quan di tích (ví dụ)');
      expect((await (await fetch(`${app.url}/api/procedures/9.100001`)).json()).origin).toBe('local');
      await page.getByRole('button', { name: 'Rút bỏ thủ tục 9.100001' }).click();
      await expect.poll(() => list.textContent()).toBe('Chưa có thủ tục riêng nào.');
      expect((await fetch(`${app.url}/api/procedures/9.100001`)).status).toBe(404);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('per-commune one-stop shops: a bad name is listed, a row saved shows in the table and in the where answer, revert removes it', async () => {
    const { context, page, errors } = await openPage(browser, WAIT_MS);
    try {
      await signIn(page, app.url, 'giamsat');
      await page.goto(`${app.url}/officer/local`);
      await page.getByLabel('Tên hoặc mã thủ tục').fill('1.001193');
      await page.getByRole('button', { name: 'Tìm' }).click();
      await page.getByRole('button', { name: /^1\.001193 — Đăng ký khai sinh/ }).click();
      const rows = page.getByRole('table', { name: 'Bộ phận một cửa theo xã/phường' });
      await expect.poll(() => rows.textContent()).toContain('Chưa có xã/phường nào.');

      await page.getByLabel('Xã/phường (ví dụ Phường Bến Nghé)').fill('Bến Nghé');
      await page.getByLabel('Địa chỉ bộ phận một cửa của xã/phường').fill('Số 29 Lê Duẩn (ví dụ)');
      await page.getByLabel('Lý do (dòng xã/phường)').fill('Danh sách một cửa');
      await page.getByRole('button', { name: 'Lưu dòng xã/phường' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Lỗi của dòng xã/phường' }).textContent())
        .toMatch(/^commune: tên xã\/phường phải bắt đầu bằng Xã, Phường/);

      await page.getByLabel('Xã/phường (ví dụ Phường Bến Nghé)').fill('Phường Bến Nghé');
      await page.getByLabel('Giờ làm việc của xã/phường').fill('Thứ 2 đến thứ 6');
      await page.getByRole('button', { name: 'Lưu dòng xã/phường' }).click();
      await expect
        .poll(() => rows.locator('tbody tr').first().locator('td').allTextContents())
        .toEqual(['Phường Bến Nghé', 'Riêng thủ tục này', 'Số 29 Lê Duẩn (ví dụ)', 'Thứ 2 đến thứ 6', '', 'Sửa']);
      const where = async () =>
        (await chat(app.url, 'em ở phuong ben nghe, đăng ký khai sinh nộp ở đâu')).replies.map((r: { text: string }) => r.text).join('\n');
      expect(await where()).toContain('• Địa chỉ: Số 29 Lê Duẩn (ví dụ)');

      await page.getByRole('button', { name: 'Hoàn tác phiên bản 1 (Mọi kênh · Phường Bến Nghé)' }).click();
      await expect.poll(() => rows.textContent()).toContain('Chưa có xã/phường nào.');
      expect(await where()).not.toContain('Số 29 Lê Duẩn');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('an officer without the supervisor role gets 403 for the page', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      await signIn(page, app.url, 'canbo');
      expect(await page.getByRole('link', { name: 'Dữ liệu địa phương' }).isHidden()).toBe(true);
      const response = await page.goto(`${app.url}/officer/local`);
      expect(response?.status()).toBe(403);
      expect(await page.textContent('body')).toContain('Chỉ giám sát viên mới sửa được dữ liệu địa phương.');
    } finally {
      await context.close();
    }
  });
});
